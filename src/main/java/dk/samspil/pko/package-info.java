/**
 * The region's practice consultant scheme (PKO, PRODUCT.md §8, seed 003): its people and what they are attached to,
 * hospital departments and partner bodies, contracts, hours and payment. {@link dk.samspil.pko.PkoPeople} tells
 * other parts of the scheme who the signed-in user is in it.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "directory",
            "mail",
            "meeting",
            "office",
            "ordering",
            "platform",
            "security",
            "servicedata"
        })
package dk.samspil.pko;
