package dk.samspil.publishing;

/**
 * The parties who approve a text before it goes to the editors ("f.eks. afdelings-/hospitalsledelsen,
 * praksiskoordinatoren, den lægefaglige koordinator for PKO og/eller PLO-M"), as the author picks.
 */
enum Party {
    MANAGEMENT,
    COORDINATOR,
    MEDICAL_COORDINATOR,
    PLO_M
}
