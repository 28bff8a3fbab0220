package dk.samspil.publishing;

/** Who a newsletter is for (point 4): given municipalities, a hospital unit's catchment area, or the whole region. */
enum Audience {
    MUNICIPALITIES,
    CATCHMENT,
    REGION
}
