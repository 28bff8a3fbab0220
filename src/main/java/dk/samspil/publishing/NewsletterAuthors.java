package dk.samspil.publishing;

import dk.samspil.pko.PkoPeople;
import dk.samspil.pko.PkoPerson;
import dk.samspil.publishing.NewsletterRequests.Author;
import dk.samspil.publishing.NewsletterRequests.RequestView;
import dk.samspil.security.Access;
import dk.samspil.security.SamspilPrincipal;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who may write and read newsletter requests: a practice consultant or coordinator writes them ("Teksten til en
 * nyhedsmail kan være skrevet af praksiskonsulenten/praksiskoordinatoren"); an author sees only their own; a person
 * of the scheme asked to approve one reads it. Everyone else gets 404.
 */
@Component
class NewsletterAuthors {

    private final PkoPeople people;
    private final NewsletterRequests requests;
    private final QualityChecks checks;
    private final Access access;

    NewsletterAuthors(PkoPeople people, NewsletterRequests requests, QualityChecks checks, Access access) {
        this.people = people;
        this.requests = requests;
        this.checks = checks;
        this.access = access;
    }

    /** The hospital unit whose PKOrientering the user compiles: a coordinator's unit. */
    Optional<Long> coordinatedUnit(SamspilPrincipal user) {
        return person(user).filter(PkoPerson::isCoordinator).flatMap(p -> people.coveredUnit(p.id()));
    }

    Optional<PkoPerson> person(SamspilPrincipal user) {
        return people.current(user);
    }

    /** The user as an author: a consultant or a coordinator of the scheme. */
    Optional<Author> author(SamspilPrincipal user) {
        return person(user)
                .filter(p -> p.isConsultant() || p.isCoordinator())
                .map(p -> new Author(user.id(), p.name(), p.email(), p.regionCode()));
    }

    Author requireAuthor(SamspilPrincipal user) {
        Optional<Author> author = author(user);
        access.require(author.isPresent(), user, "publishing:author");
        return author.orElseThrow();
    }

    /** The request, for its author only. */
    RequestView own(SamspilPrincipal user, long id) {
        Optional<RequestView> request = requests.find(id).filter(r -> r.authorUserId() == user.id());
        access.require(request.isPresent() && author(user).isPresent(), user, "publishing:" + id);
        return request.orElseThrow();
    }

    /**
     * The request, for its author, for a person of the scheme asked to approve it or to check its quality, and for
     * the coordinator a contribution to PKOrientering was sent to.
     */
    RequestView readable(SamspilPrincipal user, long id) {
        Optional<RequestView> request = requests.find(id);
        Optional<PkoPerson> person = person(user);
        boolean allowed = request.isPresent()
                && (request.get().authorUserId() == user.id() && author(user).isPresent()
                        || person.map(p -> requests.isApprover(id, p.email()) || checks.isChecker(id, p.email()))
                                .orElse(false)
                        || sentToCoordinator(request.get(), user));
        access.require(allowed, user, "publishing:" + id);
        return request.orElseThrow();
    }

    /** A contribution sent to (or included by) the coordinator of its unit. */
    boolean sentToCoordinator(RequestView request, SamspilPrincipal user) {
        return request.contribution()
                && (request.status() == RequestStatus.CONTRIBUTED || request.status() == RequestStatus.INCLUDED)
                && coordinatedUnit(user)
                        .filter(request.contributionTo()::equals)
                        .isPresent();
    }
}
