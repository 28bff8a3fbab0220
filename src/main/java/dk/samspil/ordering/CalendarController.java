package dk.samspil.ordering;

import dk.samspil.catalog.Catalog;
import dk.samspil.catalog.PackageDefinition;
import dk.samspil.ordering.OrderViews.OrderView;
import dk.samspil.ordering.OrderViews.TaskView;
import dk.samspil.platform.SamspilSettings;
import dk.samspil.platform.Tokens;
import dk.samspil.security.People;
import dk.samspil.security.SamspilPrincipal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Calendars: one order as an .ics download, and each user's subscribable feed behind a secret link. */
@Controller
class CalendarController {

    static final String VIEW = "ordering/calendar";
    static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final Orders orders;
    private final OrderCalendar calendar;
    private final Catalog catalog;
    private final OrderGuard guard;
    private final JdbcClient jdbc;
    private final UserDetailsService users;
    private final SamspilSettings settings;
    private final Ordering ordering;
    private final People people;

    CalendarController(
            Orders orders,
            OrderCalendar calendar,
            Catalog catalog,
            OrderGuard guard,
            JdbcClient jdbc,
            UserDetailsService users,
            SamspilSettings settings,
            Ordering ordering,
            People people) {
        this.orders = orders;
        this.calendar = calendar;
        this.catalog = catalog;
        this.guard = guard;
        this.jdbc = jdbc;
        this.users = users;
        this.settings = settings;
        this.ordering = ordering;
        this.people = people;
    }

    @GetMapping("/bestillinger/{orderId}/kalender.ics")
    ResponseEntity<String> order(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long orderId) {
        OrderView order = guard.readable(user, orderId);
        Map<OrderView, List<TaskView>> one = Map.of(order, orders.tasks(orderId));
        return ics("klyngemoede-" + orderId + ".ics", calendar.render(one, this::minutes));
    }

    @GetMapping("/kalender")
    String page(Model model) {
        return VIEW;
    }

    /** Makes a new secret feed link (the old one stops working) and shows it once. */
    @PostMapping("/kalender")
    @Transactional
    String newFeed(@AuthenticationPrincipal SamspilPrincipal user, RedirectAttributes redirect) {
        String token = Tokens.newToken();
        jdbc.sql("""
                        INSERT INTO calendar_feed (user_id, token_hash) VALUES (?, ?)
                        ON CONFLICT (user_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now()""").params(user.id(), Tokens.hash(token)).update();
        redirect.addFlashAttribute("feedUrl", settings.link("/kalender/feed/" + token + ".ics"));
        return "redirect:/kalender";
    }

    @GetMapping("/kalender/feed/{token}.ics")
    ResponseEntity<String> feed(@PathVariable String token) {
        Optional<SamspilPrincipal> owner = Tokens.wellFormed(token)
                ? jdbc.sql("SELECT user_id FROM calendar_feed WHERE token_hash = ?")
                        .param(Tokens.hash(token))
                        .query(Long.class)
                        .optional()
                        .flatMap(people::enabledUsername)
                        .map(username -> (SamspilPrincipal) users.loadUserByUsername(username))
                        // A deactivated user's feed stops at once, like their sessions (enabled alone stays true).
                        .filter(SamspilPrincipal::isEnabled)
                : Optional.empty();
        if (owner.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        Map<OrderView, List<TaskView>> all = new LinkedHashMap<>();
        orders.visibleTo(owner.get(), ordering.today()).stream()
                .filter(line -> line.status().open())
                .forEach(line -> orders.find(line.id()).ifPresent(order -> all.put(order, orders.tasks(order.id()))));
        return ics("samspil.ics", calendar.render(all, this::minutes));
    }

    private int minutes(OrderView order) {
        return catalog.find(order.packageSlug(), order.packageVersion())
                .map(PackageDefinition::meetingMinutes)
                .orElse(150);
    }

    private static ResponseEntity<String> ics(String filename, String body) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .contentType(CALENDAR)
                .body(body);
    }
}
