package org.tanji.server.app;

/** The application services, as the wiring made them: what every adapter works through. */
public record Services(AccountService accounts, StudyService studies, WorkflowService workflow, IssueService issues,
    SigningKeys signingKeys, AuditService audit,
    Health health, Env env, PartnerService partners, PactHostService pact, PactEvents pactEvents,
    FactorService factors, SupplierFetch supplierFetch) {}
