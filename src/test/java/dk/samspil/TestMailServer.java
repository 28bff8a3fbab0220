package dk.samspil;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A real SMTP server (GreenMail) in the test JVM, started once on a free port; the shared application context
 * sends its mail there. Tests read what arrived with {@link #greenMail()} and clear it with {@code purgeEmailFromAllMailboxes()}.
 */
public class TestMailServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static GreenMail greenMail;

    public static synchronized GreenMail greenMail() {
        if (greenMail == null) {
            greenMail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            greenMail.start();
            Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop));
        }
        return greenMail;
    }

    /** The decoded plain text of a received mail (GreenMailUtil.getBody gives the raw, quoted-printable one). */
    public static String text(jakarta.mail.internet.MimeMessage message) {
        try {
            return String.valueOf(message.getContent());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits (up to 30 s) for a mail to the address whose subject starts with the text. */
    public static jakarta.mail.internet.MimeMessage awaitMail(String to, String subjectStart) {
        return org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .pollInterval(java.time.Duration.ofMillis(250))
                .until(
                        () -> received(to).stream()
                                .filter(m -> subject(m).startsWith(subjectStart))
                                .findFirst()
                                .orElse(null),
                        m -> m != null);
    }

    /** Every mail received so far for the address. */
    public static java.util.List<jakarta.mail.internet.MimeMessage> received(String to) {
        return java.util.Arrays.stream(greenMail().getReceivedMessages())
                .filter(m -> {
                    try {
                        return java.util.Arrays.stream(m.getAllRecipients())
                                .anyMatch(a -> a.toString().contains(to));
                    } catch (Exception e) {
                        return false;
                    }
                })
                .toList();
    }

    public static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            return "";
        }
    }

    public static void purge() {
        try {
            greenMail().purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static int port() {
        return greenMail().getSmtp().getPort();
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "greenmail", Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", port())));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
