package dk.samspil.pko.audit;

/** How one case's referral and discharge letter, seen together, meet one criterion. */
enum Verdict {
    MET,
    NOT_MET,
    NOT_RELEVANT
}
