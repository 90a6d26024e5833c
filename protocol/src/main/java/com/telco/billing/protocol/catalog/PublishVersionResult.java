package com.telco.billing.protocol.catalog;

import com.telco.billing.protocol.CborSerializable;

/**
 * Answer to {@link CatalogCommand.PublishVersion}: the published version, and whether this command
 * published it ({@code false} when the same version had been published before).
 *
 * @param published the version as the catalog keeps it
 * @param created whether this command recorded it
 */
public record PublishVersionResult(PublishedVersion published, boolean created)
    implements CborSerializable {}
