package dk.samspil.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.samspil.DemoUsers;
import dk.samspil.SamspilTest;
import dk.samspil.catalog.PackageDefinition.Question;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The linkage tests: members answer in a known order with answers that say who they are; then, with full access to
 * the database (superuser, without the application key), we try to link answers to invitees by every column, by
 * timestamps, by id order, by physical ({@code ctid}) order, by transaction id ({@code xmin}) before and after
 * mixing, by size, through the write-ahead log ({@code pg_walinspect}), through the raw pages of deleted drafts
 * ({@code pageinspect}) and through a reminder's recipients against the mixing batches. None may do better than
 * chance: what an attack can narrow an answer down to is always a batch of at least three.
 */
@SamspilTest
class AnonymityTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Surveys surveys;

    @Autowired
    Mixer mixer;

    @Autowired
    Sending sending;

    @Autowired
    AnswerCipher cipher;

    @Autowired
    AnonymitySettings anonymity;

    @Autowired
    dk.samspil.platform.SamspilSettings samspil;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Test
    void answersCannotBeLinkedToWhoGaveThem() throws Exception {
        SurveyFixtures fixtures = new SurveyFixtures(mvc, users);
        long order = fixtures.frozenOrder();
        Map<String, String> tokens = fixtures.send(order);
        SurveyView survey = surveys.find(order).orElseThrow();
        List<Question> questions = survey.questions();
        List<String> submitted = new ArrayList<>();
        for (String member : tokens.keySet()) {
            // The free text names the member, so we can tell afterwards which answer is whose.
            fixtures.answer(
                    tokens.get(member),
                    questions.size(),
                    SurveyFixtures.fullAnswer(questions, 0, "svar fra " + member));
            submitted.add("svar fra " + member);
        }
        mixer.mix(survey.id());

        // 1. Columns: the answer table has nothing that names a person, a link or a time.
        List<String> columns = jdbc.sql("""
                        SELECT column_name FROM information_schema.columns WHERE table_name = 'survey_answer' ORDER BY column_name""").query(String.class).list();
        // The sector (cluster or municipality) is released with the answer, in batches per sector (see the sector
        // test).
        assertThat(columns).containsExactly("id", "payload", "sector", "survey_id", "version_number");
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM information_schema.columns
                        WHERE table_name IN ('survey_answer', 'survey_answer_pending', 'survey_response_mark')
                          AND data_type LIKE 'timestamp%'""").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM survey_answer_pending WHERE survey_id = ?")
                        .param(survey.id())
                        .query(Integer.class)
                        .single())
                .as("all mixed")
                .isZero();

        // 2. Order by id (random UUIDs) and by physical place: answers against the order they were given in.
        List<String> byId = texts(
                "SELECT payload -> 'patientgrupper' ->> 'text' FROM survey_answer WHERE survey_id = ? ORDER BY id",
                survey.id());
        List<String> byCtid = texts(
                "SELECT payload -> 'patientgrupper' ->> 'text' FROM survey_answer WHERE survey_id = ? ORDER BY ctid",
                survey.id());
        assertThat(byId).containsExactlyInAnyOrderElementsOf(submitted);
        assertThat(fixedPoints(byId, submitted)).as("id order vs answer order").isLessThan(6);
        assertThat(fixedPoints(byCtid, submitted))
                .as("ctid order vs answer order")
                .isLessThan(6);

        // 3. The marks of who has answered against the answers: same transaction id for all, no shared order.
        List<Long> answerXmins = jdbc.sql("SELECT xmin::text::bigint FROM survey_answer WHERE survey_id = ?")
                .param(survey.id())
                .query(Long.class)
                .list();
        List<Long> markXmins = jdbc.sql("SELECT xmin::text::bigint FROM survey_response_mark WHERE survey_id = ?")
                .param(survey.id())
                .query(Long.class)
                .list();
        assertThat(answerXmins).hasSize(11).containsOnly(answerXmins.get(0));
        assertThat(markXmins).hasSize(11).containsOnly(markXmins.get(0));
        List<String> marksByCtid =
                jdbc.sql("""
                        SELECT i.email FROM survey_response_mark m JOIN survey_invitation i ON i.id = m.invitation_id
                        WHERE m.survey_id = ? ORDER BY m.ctid""").param(survey.id()).query(String.class).list();
        List<String> answersByCtidOwner = byCtid.stream()
                .map(text -> text.substring("svar fra ".length()))
                .toList();
        assertThat(fixedPoints(marksByCtid, answersByCtidOwner))
                .as("mark ctid order vs answer ctid order")
                .isLessThan(6);

        // 4. The invitation rows were written at sending, in random order, and never touched by answering.
        List<Long> invitationXmins = jdbc.sql(
                        "SELECT DISTINCT xmin::text::bigint FROM survey_invitation WHERE survey_id = ?")
                .param(survey.id())
                .query(Long.class)
                .list();
        assertThat(invitationXmins).as("one transaction: the sending").hasSize(1);

        // 5. Nothing of the answers is left in drafts.
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM survey_draft d JOIN survey_invitation i ON i.id = d.invitation_id WHERE i.survey_id = ?")
                        .param(survey.id())
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void noSessionRowHoldsTheLinkItsHashOrItsKeyAfterARespondentAnswersPageOne() throws Exception {
        SurveyFixtures fixtures = new SurveyFixtures(mvc, users);
        long order = fixtures.frozenOrder();
        Map<String, String> tokens = fixtures.send(order);
        List<Question> questions = surveys.find(order).orElseThrow().questions();
        List<String> links = new ArrayList<>(tokens.values());
        Map<String, Object> page1 = new LinkedHashMap<>(SurveyFixtures.fullAnswer(questions, 1, "side et"));
        page1.put("side", "1");
        page1.put("handling", "naeste");

        // A member who is signed in to Samspil as staff in the same browser: that session's row must not learn the
        // link.
        dk.samspil.WebClient signedIn = new dk.samspil.WebClient("http://localhost:" + port);
        signedIn.login("konsulent", "samspil");
        String sessionId = new String(
                java.util.Base64.getDecoder().decode(signedIn.sessionId().orElseThrow()),
                java.nio.charset.StandardCharsets.UTF_8);
        List<String> attributesBefore = sessionAttributes(sessionId);
        assertThat(attributesBefore).isNotEmpty();
        // And a member with no session at all.
        dk.samspil.WebClient anonymous = new dk.samspil.WebClient("http://localhost:" + port);

        for (var browser : List.of(signedIn, anonymous)) {
            String link = links.get(browser == signedIn ? 0 : 1);
            assertThat(browser.get("/s/" + link)
                            .headers()
                            .firstValue("Location")
                            .orElseThrow())
                    .isEqualTo("/svar");
            assertThat(browser.post("/svar", "/svar", page1).body()).contains("Side 2 af");
        }
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM survey_draft d JOIN survey_invitation i ON i.id = d.invitation_id WHERE i.survey_id = ?")
                        .param(surveys.find(order).orElseThrow().id())
                        .query(Integer.class)
                        .single())
                .as("page 1 was saved as drafts")
                .isEqualTo(2);

        assertThat(anonymous.sessionId()).as("a respondent gets no session").isEmpty();
        assertThat(sessionAttributes(sessionId))
                .as("the staff session learnt nothing")
                .isEqualTo(attributesBefore);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM spring_session s JOIN spring_session_attributes a ON a.session_primary_id = s.primary_id
                        WHERE s.session_id = ? AND (a.attribute_name ILIKE '%survey%' OR position('survey'::bytea IN a.attribute_bytes) > 0)""").param(sessionId).query(Integer.class).single())
                .as("nothing of the survey in the staff session")
                .isZero();
        List<byte[]> stored = jdbc.sql("SELECT attribute_bytes FROM spring_session_attributes")
                .query(byte[].class)
                .list();
        for (String link : links.subList(0, 2)) {
            byte[] draftKey = hmac(link, "samspil survey draft key v1");
            byte[] hash = java.util.HexFormat.of().parseHex(dk.samspil.platform.Tokens.hash(link));
            for (byte[] bytes : stored) {
                assertThat(contains(bytes, link)).as("no link in a session").isFalse();
                assertThat(contains(bytes, dk.samspil.platform.Tokens.hash(link)))
                        .as("no link hash in a session")
                        .isFalse();
                assertThat(containsBytes(bytes, hash))
                        .as("no raw link hash in a session")
                        .isFalse();
                assertThat(containsBytes(bytes, draftKey))
                        .as("no draft key in a session")
                        .isFalse();
            }
        }
    }

    private List<String> sessionAttributes(String sessionId) {
        return jdbc.sql("""
                        SELECT a.attribute_name || ':' || md5(a.attribute_bytes) FROM spring_session s
                        JOIN spring_session_attributes a ON a.session_primary_id = s.primary_id
                        WHERE s.session_id = ? ORDER BY a.attribute_name""").param(sessionId).query(String.class).list();
    }

    private static byte[] hmac(String key, String text) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(
                key.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        return mac.doFinal(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static boolean containsBytes(byte[] haystack, byte[] needle) {
        return java.util.Collections.indexOfSubList(toList(haystack), toList(needle)) >= 0;
    }

    private static List<Byte> toList(byte[] bytes) {
        List<Byte> list = new ArrayList<>(bytes.length);
        for (byte b : bytes) {
            list.add(b);
        }
        return list;
    }

    @Test
    void beforeMixingTheAnswerSharingAMarksXminIsCiphertextOfOneSizeAndAHeldBackAnswerSharesNone() throws Exception {
        Answered answered = answer(5, "xmin");
        // The attack: the pending answer written in the same transaction as a member's response mark.
        Map<String, byte[]> byXmin = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT i.email, p.sealed FROM survey_response_mark m
                        JOIN survey_invitation i ON i.id = m.invitation_id
                        JOIN survey_answer_pending p ON p.survey_id = m.survey_id AND p.xmin = m.xmin
                        WHERE m.survey_id = ?""")
                .param(answered.surveyId())
                .query((rs, n) -> byXmin.put(rs.getString(1), rs.getBytes(2)))
                .list();
        assertThat(byXmin).as("the attack pairs each mark with a pending row").hasSize(5);
        for (byte[] sealed : byXmin.values()) {
            for (String text : answered.texts().values()) {
                assertThat(contains(sealed, text))
                        .as("a pending answer shows no text")
                        .isFalse();
            }
        }
        assertThat(byXmin.values().stream().map(b -> b.length).distinct().toList())
                .as("and no size that tells them apart")
                .containsExactly(AnswerCipher.BLOCK);

        mixer.mix(answered.surveyId());
        assertThat(released(answered.surveyId())).as("five released at once").hasSize(5);
        Answered two = answerMore(answered, 2, "xmin2");
        mixer.mix(answered.surveyId());
        assertThat(released(answered.surveyId()))
                .as("two are held back for a batch of three")
                .hasSize(5);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM survey_answer_pending p JOIN survey_response_mark m ON m.xmin = p.xmin
                        WHERE p.survey_id = ? GROUP BY p.ctid""").param(answered.surveyId()).query(Integer.class).list())
                .as(
                        "the xmin of a held-back answer pairs it with all seven marks alike (rewritten together), not its own")
                .containsExactly(7, 7);
        answerMore(two, 1, "xmin3");
        mixer.mix(answered.surveyId());
        List<Long> xmins = jdbc.sql("SELECT xmin::text::bigint FROM survey_answer WHERE survey_id = ?")
                .param(answered.surveyId())
                .query(Long.class)
                .list();
        assertThat(xmins).as("all eight rewritten together").hasSize(8).containsOnly(xmins.get(0));
        assertThat(jdbc.sql("SELECT count(*) FROM survey_answer_pending WHERE survey_id = ?")
                        .param(answered.surveyId())
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void theWriteAheadLogShowsAnswersOnlyAsBatchesOfThreeOrMoreAndDraftsNever() throws Exception {
        jdbc.sql("CREATE EXTENSION IF NOT EXISTS pg_walinspect").update();
        String start = jdbc.sql("SELECT pg_current_wal_insert_lsn()::text")
                .query(String.class)
                .single();
        // Answers in three batches (3, 3, 5), each with a draft saved before it was sent.
        Answered answered = answer(3, "wal");
        mixer.mix(answered.surveyId());
        Answered more = answerMore(answered, 3, "wal2");
        mixer.mix(answered.surveyId());
        Answered all = answerMore(more, 5, "wal3");
        mixer.mix(answered.surveyId());
        String end = flushedWal();

        List<Long> relations = jdbc.sql("""
                        SELECT pg_relation_filenode(r) FROM (SELECT c.oid AS r FROM pg_class c
                            WHERE c.relname IN ('survey_draft', 'survey_answer_pending')
                            UNION SELECT c.reltoastrelid FROM pg_class c
                            WHERE c.relname IN ('survey_draft', 'survey_answer_pending') AND c.reltoastrelid <> 0) x""").query(Long.class).list();
        List<Object[]> found = jdbc.sql("""
                        SELECT b.xid::text::bigint, t.text, b.relfilenode::bigint
                        FROM pg_get_wal_block_info(CAST(? AS pg_lsn), CAST(? AS pg_lsn), true) b
                        CROSS JOIN unnest(CAST(? AS text[])) AS t (text)
                        WHERE position(convert_to(t.text, 'UTF8') IN coalesce(b.block_data, ''::bytea)) > 0
                           OR position(convert_to(t.text, 'UTF8') IN coalesce(b.block_fpi_data, ''::bytea)) > 0""")
                .params(start, end, all.texts().values().toArray(String[]::new))
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getLong(3)})
                .list();

        assertThat(found)
                .as("the attack reads the released answers from the log")
                .isNotEmpty();
        assertThat(found)
                .as("no record of a draft or a pending answer shows a text")
                .noneMatch(row -> relations.contains((Long) row[2]));
        Map<Long, Set<String>> textsByTransaction = found.stream()
                .filter(row -> (Long) row[0] != 0)
                .collect(Collectors.groupingBy(
                        row -> (Long) row[0], Collectors.mapping(row -> (String) row[1], Collectors.toSet())));
        textsByTransaction.forEach((xid, texts) -> assertThat(texts)
                .as("transaction " + xid + " shows answers only as a batch: which of its senders gave which is chance")
                .hasSizeGreaterThanOrEqualTo(anonymity.releaseBatch()));
    }

    @Test
    void theRawPagesOfDraftsShowNoTextWhileTheyLiveNorAfterTheyAreDeleted() throws Exception {
        jdbc.sql("CREATE EXTENSION IF NOT EXISTS pageinspect").update();
        SurveyFixtures fixtures = new SurveyFixtures(mvc, users);
        long order = fixtures.frozenOrder();
        Map<String, String> tokens = fixtures.send(order);
        SurveyView survey = surveys.find(order).orElseThrow();
        Map<String, String> texts = new LinkedHashMap<>();
        int page = RespondentController.pageOf(
                survey, firstTextQuestion(survey.questions()).key());
        for (String member : tokens.keySet()) {
            texts.put(member, "kladde fra " + member);
            fixtures.form(
                    fixtures.open(tokens.get(member)),
                    page,
                    "gem",
                    SurveyFixtures.fullAnswer(survey.questions(), 0, texts.get(member)));
        }
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM survey_draft d JOIN survey_invitation i ON i.id = d.invitation_id WHERE i.survey_id = ?")
                        .param(survey.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(11);
        assertThat(textsInRawPages("survey_draft", texts.values()))
                .as("live drafts: ciphertext only")
                .isEmpty();

        for (String member : tokens.keySet()) {
            fixtures.answer(
                    tokens.get(member),
                    survey.questions().size(),
                    SurveyFixtures.fullAnswer(survey.questions(), 0, texts.get(member)));
        }
        mixer.mixAll();
        assertThat(textsInRawPages("survey_draft", texts.values()))
                .as("deleted drafts: nothing left to read")
                .isEmpty();
        assertThat(textsInRawPages("survey_answer_pending", texts.values())).isEmpty();
        assertThat(textsInRawPages("survey_answer", texts.values()))
                .as("the attack does read text where there is some")
                .isNotEmpty();
        assertThat(released(survey.id()))
                .as("the answers themselves arrived, drafts and all")
                .hasSize(11)
                .allMatch(json -> texts.values().stream().anyMatch(json::contains));
    }

    @Test
    void aReminderAgainstTheMixingBatchesNarrowsAnAnswerToNoFewerThanThree() throws Exception {
        Answered answered = answer(4, "paamindelse");
        mixer.mix(answered.surveyId());
        SurveyView survey = surveys.find(answered.order()).orElseThrow();
        assertThat(sending.remind(survey)).isEqualTo(7);
        long reminder = jdbc.sql("SELECT max(xmin::text::bigint) FROM mail_outbox WHERE reference = ?")
                .param("survey:" + survey.id() + ":reminder")
                .query(Long.class)
                .single();
        Set<String> reminded = new HashSet<>(jdbc.sql("SELECT recipient FROM mail_outbox WHERE reference = ?")
                .param("survey:" + survey.id() + ":reminder")
                .query(String.class)
                .list());

        // One reminded member answers. The attack: answers stored after the reminder are from the reminded who
        // answered.
        Answered one = answerMore(answered, 1, "paamindelse2");
        assertThat(reminded)
                .containsAll(one.texts().keySet().stream()
                        .filter(m -> !answered.texts().containsKey(m))
                        .toList());
        mixer.mix(answered.surveyId());
        assertThat(afterTransaction(survey.id(), reminder))
                .as("one answer alone is held back, not released")
                .isEmpty();

        answerMore(one, 2, "paamindelse3");
        mixer.mix(answered.surveyId());
        List<String> after = afterTransaction(survey.id(), reminder);
        assertThat(after)
                .as("the batch rewrote all answers: 'after the reminder' is every answer, not the three")
                .hasSize(7)
                .containsExactlyInAnyOrderElementsOf(released(survey.id()));
    }

    /**
     * A municipal participant answers among the cluster's members. The answer table shows each released answer's
     * sector, and a reader watching it knows which invitations (and so which municipal participants) answered since
     * the last look: a lone municipal answer released with the cluster's would be theirs. It stays sealed, with its
     * sector inside, until three municipal answers can be released together.
     */
    @Test
    void aMunicipalRespondentsAnswerIsReleasedOnlyAmongThreeOfTheirSectorAndItsSectorIsSealedUntilThen()
            throws Exception {
        SurveyFixtures fixtures = new SurveyFixtures(mvc, users);
        List<String> participants = SurveyFixtures.participantEmails(3);
        long order = fixtures.frozenOrderWithParticipants(participants);
        List<String> everyone = new ArrayList<>(SurveyFixtures.MEMBERS);
        everyone.addAll(participants);
        Map<String, String> tokens = fixtures.sendTo(order, everyone, "CLUSTER", "MUNICIPALITY");
        SurveyView survey = surveys.find(order).orElseThrow();
        List<Question> questions = survey.questions();
        for (String who :
                List.of(everyone.get(0), everyone.get(1), everyone.get(2), everyone.get(3), participants.get(0))) {
            fixtures.answer(
                    tokens.get(who), questions.size(), SurveyFixtures.fullAnswer(questions, 0, "svar fra " + who));
        }
        // Before mixing: the pending answer sharing the participant's mark's xmin is ciphertext, sector and all.
        byte[] pending = jdbc.sql("""
                        SELECT p.sealed FROM survey_response_mark m JOIN survey_invitation i ON i.id = m.invitation_id
                        JOIN survey_answer_pending p ON p.survey_id = m.survey_id AND p.xmin = m.xmin
                        WHERE m.survey_id = ? AND i.sector = 'MUNICIPALITY'""")
                .param(survey.id())
                .query((rs, n) -> rs.getBytes(1))
                .single();
        assertThat(contains(pending, "MUNICIPALITY")).isFalse();
        assertThat(contains(pending, "svar fra " + participants.get(0))).isFalse();
        assertThat(pending).hasSize(AnswerCipher.BLOCK);

        mixer.mix(survey.id());
        assertThat(sectors(survey.id()))
                .as("the four members' answers released, the participant's held back")
                .containsExactly("CLUSTER=4");
        assertThat(jdbc.sql("SELECT count(*) FROM survey_answer_pending WHERE survey_id = ?")
                        .param(survey.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(released(survey.id())).noneMatch(json -> json.contains(participants.get(0)));

        fixtures.answer(
                tokens.get(participants.get(1)),
                questions.size(),
                SurveyFixtures.fullAnswer(questions, 0, "svar fra " + participants.get(1)));
        mixer.mix(survey.id());
        assertThat(sectors(survey.id())).as("two municipal answers still wait").containsExactly("CLUSTER=4");

        fixtures.answer(
                tokens.get(participants.get(2)),
                questions.size(),
                SurveyFixtures.fullAnswer(questions, 0, "svar fra " + participants.get(2)));
        mixer.mix(survey.id());
        assertThat(sectors(survey.id()))
                .as("three municipal answers together")
                .containsExactly("CLUSTER=4", "MUNICIPALITY=3");
        List<Long> xmins = jdbc.sql("SELECT xmin::text::bigint FROM survey_answer WHERE survey_id = ?")
                .param(survey.id())
                .query(Long.class)
                .list();
        assertThat(xmins)
                .as("all seven rewritten together under new ids")
                .hasSize(7)
                .containsOnly(xmins.get(0));
        // Which of the three municipal answers is whose: nothing tells, beyond the three participants who answered.
        List<String> municipal = jdbc.sql(
                        "SELECT payload -> 'patientgrupper' ->> 'text' FROM survey_answer WHERE survey_id = ? "
                                + "AND sector = 'MUNICIPALITY'")
                .param(survey.id())
                .query(String.class)
                .list();
        assertThat(municipal)
                .containsExactlyInAnyOrderElementsOf(
                        participants.stream().map(p -> "svar fra " + p).toList());
    }

    private List<String> sectors(long surveyId) {
        return jdbc.sql(
                        "SELECT sector, count(*) FROM survey_answer WHERE survey_id = ? GROUP BY sector ORDER BY sector")
                .param(surveyId)
                .query((rs, n) -> rs.getString(1) + "=" + rs.getInt(2))
                .list();
    }

    @Test
    void aDraftOpensOnlyWithItsOwnLinkAndAnAnswerOnlyForItsSurvey() {
        String json = "{\"q\":{\"choices\":[],\"text\":\"hemmeligt\"}}";
        byte[] draft = cipher.sealDraft(AnswerCipher.draftKey("a".repeat(43)), 7, json);
        assertThat(cipher.openDraft(AnswerCipher.draftKey("a".repeat(43)), 7, draft))
                .contains(json);
        assertThat(cipher.openDraft(AnswerCipher.draftKey("b".repeat(43)), 7, draft))
                .as("another link")
                .isEmpty();
        assertThat(cipher.openDraft(AnswerCipher.draftKey("a".repeat(43)), 8, draft))
                .as("another invitation")
                .isEmpty();
        byte[] answer = cipher.sealAnswer(1, 2, json);
        assertThat(cipher.openAnswer(1, answer)).contains(new AnswerCipher.Opened(2, json));
        assertThat(cipher.openAnswer(2, answer)).as("another survey").isEmpty();
        assertThat(answer).hasSize(AnswerCipher.BLOCK).isNotEqualTo(cipher.sealAnswer(1, 2, json));
        assertThat(cipher.sealAnswer(1, 2, "{\"q\":\"" + "lang tekst ".repeat(300) + "\"}"))
                .as("3,300 characters of ordinary text: the same size")
                .hasSize(AnswerCipher.BLOCK);
    }

    @Test
    void anotherApplicationKeyIsRefusedAndAnAnswerThatDoesNotOpenIsKeptNotLost() throws Exception {
        String other = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        assertThatThrownBy(() -> new AnswerCipher(new AnonymitySettings(other, null, 3), samspil, jdbc))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the same key");
        Answered answered = answer(3, "noegle");
        byte[] foreign = new byte[AnswerCipher.BLOCK];
        new java.security.SecureRandom().nextBytes(foreign);
        jdbc.sql("INSERT INTO survey_answer_pending (survey_id, sealed) VALUES (?, ?)")
                .params(answered.surveyId(), foreign)
                .update();
        mixer.mix(answered.surveyId());
        assertThat(released(answered.surveyId())).as("the others are released").hasSize(3);
        assertThat(jdbc.sql("SELECT sealed FROM survey_answer_pending WHERE survey_id = ?")
                        .param(answered.surveyId())
                        .query((rs, n) -> rs.getBytes(1))
                        .single())
                .as("kept as it was")
                .isEqualTo(foreign);
    }

    /** A survey sent to Demoklyngen, the members who have answered and the text that names each of them. */
    private record Answered(
            long order,
            long surveyId,
            List<String> tokensInOrder,
            Map<String, String> tokens,
            Map<String, String> texts) {}

    /** Sends a new survey and lets the first {@code count} members answer, each with a saved draft first. */
    private Answered answer(int count, String tag) throws Exception {
        SurveyFixtures fixtures = new SurveyFixtures(mvc, users);
        long order = fixtures.frozenOrder();
        Map<String, String> tokens = fixtures.send(order);
        SurveyView survey = surveys.find(order).orElseThrow();
        return answerMore(
                new Answered(order, survey.id(), new ArrayList<>(tokens.keySet()), tokens, new LinkedHashMap<>()),
                count,
                tag);
    }

    private Answered answerMore(Answered before, int count, String tag) throws Exception {
        SurveyFixtures fixtures = new SurveyFixtures(mvc, users);
        List<Question> questions = surveys.find(before.order()).orElseThrow().questions();
        Map<String, String> texts = new LinkedHashMap<>(before.texts());
        for (String member : before.tokensInOrder()
                .subList(before.texts().size(), before.texts().size() + count)) {
            // Texts of different lengths: the member's address is in them.
            String text = "svar fra " + member + " " + tag;
            texts.put(member, text);
            assertThat(fixtures.answer(
                            before.tokens().get(member),
                            questions.size(),
                            SurveyFixtures.fullAnswer(questions, 0, text)))
                    .isEqualTo("/svar/tak");
        }
        return new Answered(before.order(), before.surveyId(), before.tokensInOrder(), before.tokens(), texts);
    }

    private List<String> released(long surveyId) {
        return jdbc.sql("SELECT payload::text FROM survey_answer WHERE survey_id = ?")
                .param(surveyId)
                .query(String.class)
                .list();
    }

    private List<String> afterTransaction(long surveyId, long xid) {
        return jdbc.sql("SELECT payload::text FROM survey_answer WHERE survey_id = ? AND xmin::text::bigint > ?")
                .params(surveyId, xid)
                .query(String.class)
                .list();
    }

    /** The texts found anywhere in the raw pages (free space included) of the table and its TOAST table. */
    private List<String> textsInRawPages(String table, java.util.Collection<String> texts) {
        return jdbc.sql("""
                        WITH relations AS (SELECT c.oid FROM pg_class c WHERE c.relname = ?
                                           UNION SELECT c.reltoastrelid FROM pg_class c WHERE c.relname = ? AND c.reltoastrelid <> 0),
                        pages AS (SELECT get_raw_page(r.oid::regclass::text, 'main', b) AS page
                                  FROM relations r, generate_series(0::bigint, pg_relation_size(r.oid) / 8192 - 1) b)
                        SELECT DISTINCT t.text FROM pages, unnest(CAST(? AS text[])) AS t (text)
                        WHERE position(convert_to(t.text, 'UTF8') IN pages.page) > 0""")
                .params(table, table, texts.toArray(String[]::new))
                .query(String.class)
                .list();
    }

    /** The end of the log, once everything written so far is flushed (the tests run with synchronous_commit off). */
    private String flushedWal() {
        String insert = jdbc.sql("SELECT pg_current_wal_insert_lsn()::text")
                .query(String.class)
                .single();
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("SELECT pg_current_wal_flush_lsn() >= CAST(? AS pg_lsn)")
                        .param(insert)
                        .query(Boolean.class)
                        .single());
        return insert;
    }

    private static Question firstTextQuestion(List<Question> questions) {
        return questions.stream()
                .filter(q -> q.type() == dk.samspil.catalog.PackageDefinition.QuestionType.TEXT)
                .findFirst()
                .orElseThrow();
    }

    private static boolean contains(byte[] haystack, String text) {
        byte[] needle = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private List<String> texts(String sql, long surveyId) {
        return jdbc.sql(sql).param(surveyId).query(String.class).list();
    }

    /**
     * How many positions two orders of the same items share. For a random order of 11 the expected number is 1;
     * 6 or more happens by chance about once in 1,700 runs, and always when an order leaks.
     */
    static int fixedPoints(List<String> a, List<String> b) {
        int same = 0;
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            if (a.get(i).equals(b.get(i))) {
                same++;
            }
        }
        return same;
    }
}
