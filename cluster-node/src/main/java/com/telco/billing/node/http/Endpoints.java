package com.telco.billing.node.http;

import static com.telco.billing.node.security.Role.ADMIN;
import static com.telco.billing.node.security.Role.AUDITOR;
import static com.telco.billing.node.security.Role.CATALOG_MANAGER;
import static com.telco.billing.node.security.Role.COLLECTIONS;
import static com.telco.billing.node.security.Role.FINANCE;
import static com.telco.billing.node.security.Role.MEDIATION;
import static com.telco.billing.node.security.Role.OPS;
import static com.telco.billing.node.security.Role.ORDER_MANAGEMENT;

import com.telco.billing.node.security.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Every operation of the API and the roles that may call it: the one table routes, the route walk
 * test, the OpenAPI document and docs/security.md agree on. {@code ops} and {@code auditor} read
 * everything; each write belongs to the job that owns it.
 */
public final class Endpoints {
  private Endpoints() {}

  private static Set<Role> readers(Role... more) {
    Set<Role> roles = EnumSet.of(OPS, AUDITOR);
    roles.addAll(List.of(more));
    return roles;
  }

  private static Endpoint get(String path, Set<Role> roles) {
    return Endpoint.secured("GET", path, roles);
  }

  private static Endpoint post(String path, Set<Role> roles) {
    return Endpoint.secured("POST", path, roles);
  }

  // accounts and subscriptions (order management)
  public static final Endpoint OPEN_ACCOUNT = post("/accounts", Set.of(ORDER_MANAGEMENT));
  public static final Endpoint GET_ACCOUNT =
      get("/accounts/{id}", readers(ORDER_MANAGEMENT, FINANCE, COLLECTIONS));
  public static final Endpoint CURRENT_USAGE =
      get("/accounts/{id}/usage/current", readers(FINANCE, COLLECTIONS, ORDER_MANAGEMENT));
  public static final Endpoint ACTIVATE_SUBSCRIPTION =
      post("/accounts/{id}/subscriptions", Set.of(ORDER_MANAGEMENT));
  public static final Endpoint CHANGE_OFFERING =
      post(
          "/accounts/{id}/subscriptions/{subscriptionId}/change-offering",
          Set.of(ORDER_MANAGEMENT));
  public static final Endpoint SUSPEND_SUBSCRIPTION =
      post("/accounts/{id}/subscriptions/{subscriptionId}/suspend", Set.of(ORDER_MANAGEMENT));
  public static final Endpoint RESUME_SUBSCRIPTION =
      post("/accounts/{id}/subscriptions/{subscriptionId}/resume", Set.of(ORDER_MANAGEMENT));
  public static final Endpoint TERMINATE_SUBSCRIPTION =
      post("/accounts/{id}/subscriptions/{subscriptionId}/terminate", Set.of(ORDER_MANAGEMENT));
  public static final Endpoint SERVICE_HOLDER =
      get("/services/{serviceId}", readers(ORDER_MANAGEMENT, MEDIATION));

  // usage (mediation)
  public static final Endpoint INGEST_USAGE = post("/usage", Set.of(MEDIATION));
  public static final Endpoint RECEIVE_BATCH = post("/usage/batches", Set.of(MEDIATION));
  public static final Endpoint INTAKE_BACKLOG = get("/usage/batches", readers(MEDIATION));
  public static final Endpoint PARKED_BATCHES = get("/usage/batches/parked", readers(MEDIATION));
  public static final Endpoint BATCH_STATUS = get("/usage/batches/{batchId}", readers(MEDIATION));
  public static final Endpoint REDRIVE_BATCH =
      post("/usage/batches/{batchId}/redrive", Set.of(OPS));
  public static final Endpoint LIST_SUSPENSE = get("/suspense", readers(MEDIATION));
  public static final Endpoint RECYCLE_SUSPENSE = post("/suspense/recycle", Set.of(OPS));

  // invoices and bill runs (finance)
  public static final Endpoint INVOICE = get("/invoices/{number}", readers(FINANCE, COLLECTIONS));
  public static final Endpoint ACCOUNT_INVOICES =
      get("/accounts/{id}/invoices", readers(FINANCE, COLLECTIONS));
  public static final Endpoint INVOICE_PREVIEW =
      get("/accounts/{id}/invoices/preview", readers(FINANCE, COLLECTIONS));
  public static final Endpoint CUSTOMER_BILL =
      get("/customerBill/{id}", readers(FINANCE, COLLECTIONS));
  public static final Endpoint CUSTOMER_BILLS = get("/customerBill", readers(FINANCE, COLLECTIONS));
  public static final Endpoint APPLIED_BILLING_RATES =
      get("/appliedCustomerBillingRate", readers(FINANCE, COLLECTIONS));
  public static final Endpoint ISSUE_CREDIT_NOTE =
      post("/invoices/{number}/credit-notes", Set.of(FINANCE));
  public static final Endpoint INVOICE_CREDIT_NOTES =
      get("/invoices/{number}/credit-notes", readers(FINANCE, COLLECTIONS));
  public static final Endpoint CREDIT_NOTE =
      get("/credit-notes/{number}", readers(FINANCE, COLLECTIONS));
  public static final Endpoint START_BILL_RUN = post("/bill-runs", Set.of(FINANCE));
  public static final Endpoint LIST_BILL_RUNS = get("/bill-runs", readers(FINANCE));
  public static final Endpoint GET_BILL_RUN = get("/bill-runs/{id}", readers(FINANCE));
  public static final Endpoint START_RERATING_JOB = post("/rerating-jobs", Set.of(FINANCE));
  public static final Endpoint LIST_RERATING_JOBS = get("/rerating-jobs", readers(FINANCE));
  public static final Endpoint GET_RERATING_JOB = get("/rerating-jobs/{id}", readers(FINANCE));

  // payments (finance, collections; the payment gateway by signature)
  public static final Endpoint SET_PAYMENT_METHOD =
      Endpoint.secured(
          "PUT", "/accounts/{id}/payment-method", Set.of(ORDER_MANAGEMENT, FINANCE, COLLECTIONS));
  public static final Endpoint GET_PAYMENT_METHOD =
      get("/accounts/{id}/payment-method", readers(ORDER_MANAGEMENT, FINANCE, COLLECTIONS));
  public static final Endpoint RECORD_PAYMENT = post("/accounts/{id}/payments", Set.of(FINANCE));
  public static final Endpoint ACCOUNT_PAYMENTS =
      get("/accounts/{id}/payments", readers(FINANCE, COLLECTIONS));
  public static final Endpoint ACCOUNT_BALANCE =
      get("/accounts/{id}/balance", readers(FINANCE, COLLECTIONS));
  public static final Endpoint ACCOUNT_STATEMENT =
      get("/accounts/{id}/statement", readers(FINANCE, COLLECTIONS));
  public static final Endpoint GET_PAYMENT = get("/payments/{id}", readers(FINANCE, COLLECTIONS));
  // dunning (collections)
  public static final Endpoint REMINDER_LETTER =
      get(
          "/accounts/{id}/dunning/letters/{episode}/{stepIndex}",
          readers(COLLECTIONS, FINANCE, ADMIN));
  public static final Endpoint REFUND_PAYMENT = post("/payments/{id}/refunds", Set.of(FINANCE));
  // adjustments (finance; disputes also collections)
  public static final Endpoint ADD_CHARGE = post("/accounts/{id}/charges", Set.of(FINANCE));
  public static final Endpoint ACCOUNT_CHARGES =
      get("/accounts/{id}/charges", readers(FINANCE, COLLECTIONS));
  public static final Endpoint OPEN_DISPUTE =
      post("/invoices/{number}/disputes", Set.of(FINANCE, COLLECTIONS));
  public static final Endpoint INVOICE_DISPUTES =
      get("/invoices/{number}/disputes", readers(FINANCE, COLLECTIONS));
  public static final Endpoint RESOLVE_DISPUTE =
      post("/invoices/{number}/disputes/{disputeId}/resolve", Set.of(FINANCE, COLLECTIONS));
  public static final Endpoint WRITE_OFF = post("/invoices/{number}/write-off", Set.of(FINANCE));
  public static final Endpoint GATEWAY_WEBHOOK = Endpoint.open("POST", "/webhooks/payment-gateway");
  // direct debit files (finance)
  public static final Endpoint LIST_DIRECT_DEBITS = get("/direct-debits", readers(FINANCE));
  public static final Endpoint GET_DIRECT_DEBIT = get("/direct-debits/{fileId}", readers(FINANCE));
  public static final Endpoint RETURN_DIRECT_DEBITS =
      post("/direct-debits/{fileId}/returns", Set.of(FINANCE));
  // dunning read side (collections)
  public static final Endpoint DUNNING_WORK_LIST =
      get("/dunning/accounts", readers(COLLECTIONS, FINANCE, ADMIN));
  public static final Endpoint COLLECTIONS_EXPORT =
      get("/dunning/collections-export", Set.of(COLLECTIONS, FINANCE, ADMIN));

  // notifications out (admin registers subscribers; ops watch and redeliver)
  public static final Endpoint CREATE_NOTIFICATION_SUBSCRIPTION =
      post("/notification-subscriptions", Set.of(ADMIN));
  public static final Endpoint LIST_NOTIFICATION_SUBSCRIPTIONS =
      get("/notification-subscriptions", readers(ADMIN));
  public static final Endpoint DELETE_NOTIFICATION_SUBSCRIPTION =
      Endpoint.secured("DELETE", "/notification-subscriptions/{id}", Set.of(ADMIN));
  public static final Endpoint LIST_NOTIFICATION_DELIVERIES =
      get("/notifications/deliveries", readers(ADMIN));
  public static final Endpoint REDELIVER_NOTIFICATION =
      post("/notifications/deliveries/{id}/redeliver", Set.of(OPS, ADMIN));

  // catalog (product management)
  public static final Endpoint PUBLISH_CATALOG = post("/catalog/versions", Set.of(CATALOG_MANAGER));
  public static final Endpoint LIST_CATALOG_VERSIONS =
      get("/catalog/versions", readers(CATALOG_MANAGER, ORDER_MANAGEMENT, FINANCE));
  public static final Endpoint GET_CATALOG_VERSION =
      get("/catalog/versions/{versionId}", readers(CATALOG_MANAGER, ORDER_MANAGEMENT, FINANCE));
  public static final Endpoint OFFERINGS =
      get("/catalog/offerings", readers(CATALOG_MANAGER, ORDER_MANAGEMENT, FINANCE));

  // dunning policies (finance)
  public static final Endpoint PUBLISH_DUNNING_POLICY =
      post("/dunning-policies", Set.of(FINANCE, ADMIN));
  public static final Endpoint LIST_DUNNING_POLICIES =
      get("/dunning-policies", readers(FINANCE, COLLECTIONS, ADMIN));
  public static final Endpoint GET_DUNNING_POLICY =
      get("/dunning-policies/{policyId}", readers(FINANCE, COLLECTIONS, ADMIN));
  public static final Endpoint GET_DUNNING_POLICY_VERSION =
      get("/dunning-policies/{policyId}/versions/{version}", readers(FINANCE, COLLECTIONS, ADMIN));

  // operations
  public static final Endpoint CLUSTER_SHARDS = get("/cluster/shards", readers());

  // security
  public static final Endpoint CREATE_API_KEY = post("/admin/api-keys", Set.of(ADMIN));
  public static final Endpoint LIST_API_KEYS = get("/admin/api-keys", Set.of(ADMIN, AUDITOR));
  public static final Endpoint GET_API_KEY = get("/admin/api-keys/{id}", Set.of(ADMIN, AUDITOR));
  public static final Endpoint REVOKE_API_KEY =
      Endpoint.secured("DELETE", "/admin/api-keys/{id}", Set.of(ADMIN));
  public static final Endpoint ROTATE_API_KEY = post("/admin/api-keys/{id}/rotate", Set.of(ADMIN));
  public static final Endpoint AUDIT_TRAIL = get("/audit", Set.of(AUDITOR));
  public static final Endpoint ACCOUNT_DUNNING =
      get("/accounts/{id}/dunning", readers(COLLECTIONS, FINANCE));
  public static final Endpoint PLACE_DUNNING_HOLD =
      post("/accounts/{id}/dunning/hold", Set.of(COLLECTIONS));
  public static final Endpoint RELEASE_DUNNING_HOLD =
      Endpoint.secured("DELETE", "/accounts/{id}/dunning/hold/{holdId}", Set.of(COLLECTIONS));

  // the contract itself
  public static final Endpoint OPENAPI = Endpoint.open("GET", "/openapi.json");

  private static final List<Endpoint> ALL =
      List.of(
          OPEN_ACCOUNT,
          GET_ACCOUNT,
          CURRENT_USAGE,
          ACTIVATE_SUBSCRIPTION,
          CHANGE_OFFERING,
          SUSPEND_SUBSCRIPTION,
          RESUME_SUBSCRIPTION,
          TERMINATE_SUBSCRIPTION,
          SERVICE_HOLDER,
          INGEST_USAGE,
          RECEIVE_BATCH,
          INTAKE_BACKLOG,
          PARKED_BATCHES,
          BATCH_STATUS,
          REDRIVE_BATCH,
          LIST_SUSPENSE,
          RECYCLE_SUSPENSE,
          INVOICE,
          ACCOUNT_INVOICES,
          INVOICE_PREVIEW,
          CUSTOMER_BILL,
          CUSTOMER_BILLS,
          APPLIED_BILLING_RATES,
          ISSUE_CREDIT_NOTE,
          INVOICE_CREDIT_NOTES,
          CREDIT_NOTE,
          START_BILL_RUN,
          LIST_BILL_RUNS,
          GET_BILL_RUN,
          START_RERATING_JOB,
          LIST_RERATING_JOBS,
          GET_RERATING_JOB,
          SET_PAYMENT_METHOD,
          GET_PAYMENT_METHOD,
          RECORD_PAYMENT,
          ACCOUNT_PAYMENTS,
          ACCOUNT_BALANCE,
          ACCOUNT_STATEMENT,
          ACCOUNT_DUNNING,
          PLACE_DUNNING_HOLD,
          RELEASE_DUNNING_HOLD,
          GET_PAYMENT,
          REMINDER_LETTER,
          REFUND_PAYMENT,
          ADD_CHARGE,
          ACCOUNT_CHARGES,
          OPEN_DISPUTE,
          INVOICE_DISPUTES,
          RESOLVE_DISPUTE,
          WRITE_OFF,
          GATEWAY_WEBHOOK,
          LIST_DIRECT_DEBITS,
          GET_DIRECT_DEBIT,
          RETURN_DIRECT_DEBITS,
          CREATE_NOTIFICATION_SUBSCRIPTION,
          LIST_NOTIFICATION_SUBSCRIPTIONS,
          DELETE_NOTIFICATION_SUBSCRIPTION,
          LIST_NOTIFICATION_DELIVERIES,
          REDELIVER_NOTIFICATION,
          DUNNING_WORK_LIST,
          COLLECTIONS_EXPORT,
          PUBLISH_CATALOG,
          LIST_CATALOG_VERSIONS,
          GET_CATALOG_VERSION,
          OFFERINGS,
          PUBLISH_DUNNING_POLICY,
          LIST_DUNNING_POLICIES,
          GET_DUNNING_POLICY,
          GET_DUNNING_POLICY_VERSION,
          CLUSTER_SHARDS,
          CREATE_API_KEY,
          LIST_API_KEYS,
          GET_API_KEY,
          REVOKE_API_KEY,
          ROTATE_API_KEY,
          AUDIT_TRAIL,
          OPENAPI);

  /** Every endpoint, in the order of the docs. */
  public static List<Endpoint> all() {
    return ALL;
  }
}
