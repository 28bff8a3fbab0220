package dk.samspil.mail;

import static dk.samspil.TestMailServer.greenMail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dk.samspil.DemoUsers;
import dk.samspil.SamspilTest;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox as other modules use it: stored with the caller's transaction, sent exactly once, kept while the mail
 * server is down and given up after the last attempt.
 *
 * <p>Tests that need control over when a mail is sent queue it for {@link #LATER}, a time the application's own
 * scheduler does not reach, and send it with their own {@link OutboxSender} whose clock stands at that time.
 */
@SamspilTest
class OutboxTests {

    static final OffsetDateTime LATER = OffsetDateTime.parse("2099-06-01T08:00:00Z");

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxSender sender;

    @Autowired
    MailSettings settings;

    @Autowired
    JavaMailSender mailServer;

    @Autowired
    ObjectProvider<JavaMailSender> mailServers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    String run;

    @BeforeEach
    void emptyTheMailServer() throws Exception {
        greenMail().purgeEmailFromAllMailboxes();
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void mailOfACommittedTransactionIsDeliveredWithRecipientSubjectAndDanishText() throws Exception {
        String to = address("aase");
        String text = "Kære Åse\n\nVi ses til klyngemødet i Ærøskøbing.\nMed venlig hilsen\nSøren Bødker";
        long id = transaction.execute(status -> outbox.enqueue(
                new OutgoingMail(to, "Klyngemøde om blødning og smerte – æøå", text, reference("received"))));

        sender.sendDue();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(received(to)).hasSize(1);
            assertThat(row(id).status()).isEqualTo("SENT");
        });
        MimeMessage mail = received(to).get(0);
        assertThat(mail.getSubject()).isEqualTo("Klyngemøde om blødning og smerte – æøå");
        assertThat(mail.getContentType()).containsIgnoringCase("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(((String) mail.getContent()).replace("\r\n", "\n").strip()).isEqualTo(text);
        assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("noreply@samspil.local");
        assertThat(row(id).sentAt()).isNotNull();
    }

    @Test
    void rolledBackTransactionLeavesNoMailAndSendsNothing() throws Exception {
        String to = address("fortrudt");

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
                    outbox.enqueue(new OutgoingMail(
                            to, "Bestilling modtaget", "Tak for din bestilling.", reference("rollback")));
                    throw new IllegalStateException("the order could not be placed");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = ?")
                        .param(to)
                        .query(Integer.class)
                        .single())
                .isZero();
        sender.sendDue();
        assertThat(received(to)).isEmpty();
    }

    @Test
    void mailWaitsWhileTheMailServerIsDownAndIsSentOnceWhenItIsBack() throws Exception {
        String to = address("nede");
        long id = enqueueLater(to, "Påmindelse: spørgeskemaet", "Husk at sende spørgeskemaet til kommunen.");
        OutboxSender own = senderAt(LATER, settings);

        assertThat(own.sendDue(unreachableMailServer(), reference(""))).isEqualTo(1);

        Row waiting = row(id);
        assertThat(waiting.status()).isEqualTo("PENDING");
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.nextAttemptAt().toInstant())
                .isEqualTo(LATER.plusMinutes(1).toInstant());
        assertThat(waiting.lastError()).isNotBlank();
        assertThat(received(to)).isEmpty();

        // The retry is due (the sender's clock stands at LATER); the mail server is back.
        jdbc.sql("UPDATE mail_outbox SET next_attempt_at = ? WHERE id = ?")
                .params(LATER, id)
                .update();
        assertThat(own.sendDue(mailServer, reference(""))).isEqualTo(1);
        assertThat(own.sendDue(mailServer, reference(""))).isZero();

        Row sent = row(id);
        assertThat(sent.status()).isEqualTo("SENT");
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(sent.sentAt()).isNotNull();
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(received(to)).hasSize(1));
        assertThat(received(to).get(0).getSubject()).isEqualTo("Påmindelse: spørgeskemaet");
    }

    @Test
    void mailIsMarkedFailedAfterTheLastAttemptAndShownAsFejlet() throws Exception {
        String to = address("fejl");
        long id = enqueueLater(to, "Materialer til mødet", "Her er materialerne.");
        OutboxSender own = senderAt(LATER, settings);
        JavaMailSender down = unreachableMailServer();

        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            jdbc.sql("UPDATE mail_outbox SET next_attempt_at = ? WHERE id = ?")
                    .params(LATER, id)
                    .update();
            assertThat(own.sendDue(down, reference(""))).isEqualTo(1);
            Row row = row(id);
            assertThat(row.attempts()).isEqualTo(attempt);
            if (attempt < settings.maxAttempts()) {
                assertThat(row.status()).isEqualTo("PENDING");
                Duration pause = OutboxSender.BACK_OFF.get(Math.min(attempt, OutboxSender.BACK_OFF.size()) - 1);
                assertThat(row.nextAttemptAt().toInstant())
                        .isEqualTo(LATER.plus(pause).toInstant());
            }
        }

        assertThat(row(id).status()).isEqualTo("FAILED");
        jdbc.sql("UPDATE mail_outbox SET next_attempt_at = ? WHERE id = ?")
                .params(LATER, id)
                .update();
        assertThat(own.sendDue(mailServer, reference("")))
                .as("a failed mail is not tried again")
                .isZero();
        assertThat(received(to)).isEmpty();

        String page = mvc.perform(get("/admin/udbakke").with(users.as("admin")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Element line = Jsoup.parse(page).select("tbody tr").stream()
                .filter(tr -> tr.text().contains(to))
                .findFirst()
                .orElseThrow();
        assertThat(line.select("td").get(3).text()).isEqualTo("Fejlet");
        assertThat(line.select("td").get(4).text()).isEqualTo(String.valueOf(settings.maxAttempts()));
    }

    @Test
    void twoSendersAtOnceDeliverEveryMailExactlyOnce() throws Exception {
        List<String> recipients =
                IntStream.range(0, 40).mapToObj(i -> address("samtidig" + i)).toList();
        recipients.forEach(to -> enqueueLater(to, "Invitation til klyngemøde", "Du er inviteret."));
        MailSettings smallRounds = new MailSettings(
                settings.from(), settings.sendInterval(), 5, settings.maxAttempts(), settings.secretMaxAge());

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> tried = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                OutboxSender own = senderAt(LATER, smallRounds);
                tried.add(threads.submit(() -> {
                    start.await();
                    int total = 0;
                    for (int round = own.sendDue(mailServer, reference(""));
                            round > 0;
                            round = own.sendDue(mailServer, reference(""))) {
                        total += round;
                    }
                    return total;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> result : tried) {
                total += result.get(2, TimeUnit.MINUTES);
            }
            assertThat(total).isEqualTo(40);
        } finally {
            threads.shutdownNow();
        }

        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE starts_with(reference, ?) AND status = 'SENT'")
                        .param(reference(""))
                        .query(Integer.class)
                        .single())
                .isEqualTo(40);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            for (String to : recipients) {
                assertThat(received(to)).as(to).hasSize(1);
            }
        });
    }

    @Test
    void theSchedulerSendsQueuedMailWithoutBeingCalled() throws Exception {
        assertThat(jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = ?")
                        .param(OutboxJob.NAME)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        String to = address("planlagt");
        long id = transaction.execute(status -> outbox.enqueue(
                new OutgoingMail(to, "Mødet nærmer sig", "Om en uge holder I klyngemøde.", reference("scheduled"))));

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    assertThat(received(to)).hasSize(1);
                    assertThat(row(id).status()).isEqualTo("SENT");
                });
    }

    @Test
    void aPersonalLinkIsMaskedOnTheAdminPageAndBlankedWhenNotSentInTime() throws Exception {
        String to = address("hemmelig");
        String token = "Ab3_-".repeat(8) + "xyz";
        String text = "Dit personlige link:\nhttp://localhost:8080/s/" + token + "\n\nVenlig hilsen";
        long id = transaction.execute(status -> {
            long queued = outbox.enqueueSecret(new OutgoingMail(to, "Spørgeskema", text, reference("secret")));
            jdbc.sql("UPDATE mail_outbox SET next_attempt_at = ? WHERE id = ?")
                    .params(LATER, queued)
                    .update();
            return queued;
        });

        String page = mvc.perform(get("/admin/udbakke/" + id).with(users.as("admin")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .as("the administrator never sees the link")
                .doesNotContain(token)
                .contains("http://localhost:8080/s/" + Outbox.MASK, "Venlig hilsen");
        sender.expireSecrets();
        assertThat(row(id).status())
                .as("young enough to wait for the mail server")
                .isEqualTo("PENDING");

        jdbc.sql("UPDATE mail_outbox SET created_at = created_at - CAST(? AS interval) WHERE id = ?")
                .params(settings.secretMaxAge().plusMinutes(1).toString(), id)
                .update();
        sender.expireSecrets();
        Row expired = row(id);
        assertThat(expired.status()).isEqualTo("FAILED");
        assertThat(expired.lastError()).isEqualTo(OutboxSender.EXPIRED_ERROR);
        assertThat(jdbc.sql("SELECT body FROM mail_outbox WHERE id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .as("the link is gone from the database")
                .isEqualTo(OutboxSender.EXPIRED)
                .doesNotContain(token);
    }

    @Test
    void withoutAMailServerMailsWaitInTheOutbox() {
        String to = address("ingensmtp");
        long id = enqueueLater(to, "Bestilling modtaget", "Tak.");
        ObjectProvider<JavaMailSender> none = new DefaultListableBeanFactory().getBeanProvider(JavaMailSender.class);
        OutboxSender withoutServer = new OutboxSender(jdbc, transaction, settings, clockAt(LATER), none);

        assertThat(withoutServer.canSend()).isFalse();
        assertThat(withoutServer.sendDue()).isZero();

        Row row = row(id);
        assertThat(row.status()).isEqualTo("PENDING");
        assertThat(row.attempts()).isZero();
    }

    @Test
    void refusesMailWithoutRecipientOrSubjectAndKeepsHeadersToOneLine() {
        assertThatThrownBy(() -> new OutgoingMail(" ", "Emne", "Tekst", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutgoingMail(null, "Emne", "Tekst", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutgoingMail("a@example.dk", "", "Tekst", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutgoingMail("a@example.dk\r\nBcc: b@example.dk", "Emne", "Tekst", null))
                .isInstanceOf(IllegalArgumentException.class);
        // A subject made from a name saved with a line break stays one header line (OneLineFieldsTests).
        assertThat(new OutgoingMail("a@example.dk", "Emne\r\nBcc: b@example.dk", "Tekst", null).subject())
                .isEqualTo("Emne  Bcc: b@example.dk");
        assertThat(new OutgoingMail(" a@example.dk ", "Emne", null, null))
                .isEqualTo(new OutgoingMail("a@example.dk", "Emne", "", null));
    }

    // --- helpers

    record Row(String status, int attempts, OffsetDateTime nextAttemptAt, OffsetDateTime sentAt, String lastError) {}

    private String address(String name) {
        return name + "." + run + "@udbakke.test";
    }

    private String reference(String what) {
        return "test:" + run + ":" + what;
    }

    /** Queues a mail that only this test's own senders will see as due. */
    private long enqueueLater(String to, String subject, String text) {
        Long id = transaction.execute(status -> {
            long queued = outbox.enqueue(new OutgoingMail(to, subject, text, reference(to)));
            jdbc.sql("UPDATE mail_outbox SET next_attempt_at = ? WHERE id = ?")
                    .params(LATER, queued)
                    .update();
            return queued;
        });
        return id;
    }

    private OutboxSender senderAt(OffsetDateTime now, MailSettings mailSettings) {
        return new OutboxSender(jdbc, transaction, mailSettings, clockAt(now), mailServers);
    }

    private static Clock clockAt(OffsetDateTime now) {
        return Clock.fixed(now.toInstant(), ZoneOffset.UTC);
    }

    private Row row(long id) {
        return jdbc.sql("SELECT status, attempts, next_attempt_at, sent_at, last_error FROM mail_outbox WHERE id = ?")
                .param(id)
                .query((rs, n) -> new Row(
                        rs.getString("status"),
                        rs.getInt("attempts"),
                        rs.getObject("next_attempt_at", OffsetDateTime.class),
                        rs.getObject("sent_at", OffsetDateTime.class),
                        rs.getString("last_error")))
                .single();
    }

    /** A mail server on a port where nothing listens. */
    private static JavaMailSender unreachableMailServer() throws IOException {
        JavaMailSenderImpl server = new JavaMailSenderImpl();
        server.setHost("127.0.0.1");
        try (ServerSocket socket = new ServerSocket(0)) {
            server.setPort(socket.getLocalPort());
        }
        server.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        server.getJavaMailProperties().put("mail.smtp.timeout", "2000");
        return server;
    }

    /** The mails GreenMail received for one recipient. */
    static List<MimeMessage> received(String to) throws MessagingException {
        List<MimeMessage> mails = new ArrayList<>();
        for (MimeMessage mail : greenMail().getReceivedMessages()) {
            Address[] recipients = mail.getRecipients(Message.RecipientType.TO);
            if (recipients == null) {
                continue;
            }
            for (Address recipient : recipients) {
                if (recipient instanceof InternetAddress address
                        && address.getAddress().equalsIgnoreCase(to)) {
                    mails.add(mail);
                }
            }
        }
        return mails;
    }
}
