/**
 * Audits of referrals and discharge letters (seed 003, "Audit"): three guarded steps — the administrative
 * management's approval, 20 cases known only by the department's case number, the result to the practice
 * coordinator — after which every case and assessment is deleted and only the aggregate remains.
 */
package dk.samspil.pko.audit;
