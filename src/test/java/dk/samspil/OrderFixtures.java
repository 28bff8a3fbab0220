package dk.samspil;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Places orders the way the coordinator's form does, for tests that need one. */
public final class OrderFixtures {

    public static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    /** The coordinator's phone number in every order placed here. */
    public static final String PHONE = "86 12 34 56";

    private OrderFixtures() {}

    public static LocalDate today() {
        return LocalDate.now(COPENHAGEN);
    }

    /** The akutfunktion package for Demoklyngen with Aarhus, one known municipal participant. */
    public static MockHttpServletRequestBuilder acuteOrder(LocalDate meeting, String participantEmail) {
        return order("akutfunktioner", meeting, participantEmail);
    }

    /** A package (with no elective topics) for Demoklyngen with Aarhus, one known municipal participant. */
    public static MockHttpServletRequestBuilder order(String packageSlug, LocalDate meeting, String participantEmail) {
        return order(packageSlug, meeting, participantEmail, "PROVIDER");
    }

    /** As {@link #order(String, LocalDate, String)}, with who makes the first contact with the municipality. */
    public static MockHttpServletRequestBuilder order(
            String packageSlug, LocalDate meeting, String participantEmail, String firstContact) {
        LocalDateTime callback = today().plusDays(3).atTime(10, 0);
        return post("/bestillinger")
                .with(csrf())
                .param("packageSlug", packageSlug)
                .param("meetingDate", meeting.toString())
                .param("startTime", "16:00")
                .param("venue", "Lægehuset Trøjborg, mødelokalet")
                .param("municipalityCodes", "0751")
                .param("participants[0].name", "Susanne Sygeplejerske")
                .param("participants[0].email", participantEmail)
                .param("participants[0].role", "Sygeplejerske, akutfunktionen")
                .param("participants[0].municipalityCode", "0751")
                .param("firstContact", firstContact)
                .param("coordinatorPhone", PHONE)
                .param("callbackAt", callback.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
    }

    /** Places an order as koordinator and returns its id. */
    public static long placeAcuteOrder(MockMvc mvc, DemoUsers users, LocalDate meeting, String participantEmail)
            throws Exception {
        return placeOrder(mvc, users, "akutfunktioner", meeting, participantEmail);
    }

    /** Places an order of a package (with no elective topics) as koordinator and returns its id. */
    public static long placeOrder(
            MockMvc mvc, DemoUsers users, String packageSlug, LocalDate meeting, String participantEmail)
            throws Exception {
        return placeOrder(mvc, users, order(packageSlug, meeting, participantEmail));
    }

    /** Places the order of the request as koordinator and returns its id. */
    public static long placeOrder(MockMvc mvc, DemoUsers users, MockHttpServletRequestBuilder order) throws Exception {
        MvcResult result = mvc.perform(order.with(users.as("koordinator"))).andReturn();
        String location = result.getResponse().getRedirectedUrl();
        if (location == null || !location.startsWith("/bestillinger/")) {
            throw new IllegalStateException(
                    "Order not placed: " + result.getResponse().getContentAsString());
        }
        return Long.parseLong(location.substring("/bestillinger/".length()));
    }
}
