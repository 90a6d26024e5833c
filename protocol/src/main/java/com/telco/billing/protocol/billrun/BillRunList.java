package com.telco.billing.protocol.billrun;

import com.telco.billing.protocol.CborSerializable;
import java.util.List;

/** The bill runs the singleton remembers, newest first. */
public record BillRunList(List<BillRunView> runs) implements CborSerializable {}
