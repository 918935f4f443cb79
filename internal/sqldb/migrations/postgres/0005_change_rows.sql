-- 0005: the rows a change set recorded or ended, found without reading whole tables (the scope
-- policy checks them before the change set commits; history and audit follow them).
CREATE INDEX units_rec_cs ON units (rec_cs);
CREATE INDEX units_end_cs ON units (end_cs) WHERE end_cs IS NOT NULL;
CREATE INDEX people_rec_cs ON people (rec_cs);
CREATE INDEX people_end_cs ON people (end_cs) WHERE end_cs IS NOT NULL;
CREATE INDEX documents_rec_cs ON documents (rec_cs);
CREATE INDEX documents_end_cs ON documents (end_cs) WHERE end_cs IS NOT NULL;
CREATE INDEX qualifications_rec_cs ON qualifications (rec_cs);
CREATE INDEX qualifications_end_cs ON qualifications (end_cs) WHERE end_cs IS NOT NULL;
CREATE INDEX party_rec_cs ON party (rec_cs);
CREATE INDEX party_end_cs ON party (end_cs) WHERE end_cs IS NOT NULL;
CREATE INDEX assignments_rec_cs ON assignments (rec_cs);
CREATE INDEX assignments_end_cs ON assignments (end_cs) WHERE end_cs IS NOT NULL;
CREATE INDEX headcount_rec_cs ON headcount (rec_cs);
CREATE INDEX headcount_end_cs ON headcount (end_cs) WHERE end_cs IS NOT NULL;
CREATE INDEX restructure_rec_cs ON restructure (rec_cs);
CREATE INDEX restructure_end_cs ON restructure (end_cs) WHERE end_cs IS NOT NULL;
CREATE INDEX evaluations_rec_cs ON evaluations (rec_cs);
CREATE INDEX evaluations_end_cs ON evaluations (end_cs) WHERE end_cs IS NOT NULL;
CREATE INDEX plans_rec_cs ON plans (rec_cs);
CREATE INDEX plans_end_cs ON plans (end_cs) WHERE end_cs IS NOT NULL;
