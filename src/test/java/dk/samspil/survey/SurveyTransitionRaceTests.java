package dk.samspil.survey;

import static org.assertj.core.api.Assertions.assertThat;

import dk.samspil.DemoUsers;
import dk.samspil.OrderFixtures;
import dk.samspil.SamspilTest;
import dk.samspil.TestMailServer;
import dk.samspil.platform.RuleViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Two people change a survey's status at the same moment (the consultant and the coordinator both press "Send"):
 * exactly one change happens, the other is refused with the Danish rule message, and nothing is done twice.
 */
@SamspilTest
class SurveyTransitionRaceTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Surveys surveys;

    @Autowired
    Sending sending;

    @Autowired
    Review review;

    @Test
    void twoSendsAtOnceInviteEveryMemberOnceAndTwoClosesCloseOnce() throws Exception {
        long order = new SurveyFixtures(mvc, users).frozenOrder();
        SurveyView frozen = surveys.find(order).orElseThrow();
        TestMailServer.purge();

        List<Object> sent =
                race(() -> sending.send(frozen, OrderFixtures.today().plusDays(14), "7", "konsulent", null));
        assertThat(sent).filteredOn(Integer.class::isInstance).containsExactly(SurveyFixtures.MEMBERS.size());
        assertThat(sent).filteredOn(String.class::isInstance).containsExactly("survey.send.notFrozen");
        assertThat(jdbc.sql("SELECT count(*) FROM survey_invitation WHERE survey_id = ?")
                        .param(frozen.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(SurveyFixtures.MEMBERS.size());
        // Every member's one invitation arrives (waited for, so no later test reads it as its own) and no second one.
        SurveyFixtures.tokens(SurveyFixtures.MEMBERS);
        for (String member : SurveyFixtures.MEMBERS) {
            assertThat(TestMailServer.received(member))
                    .filteredOn(m -> TestMailServer.subject(m).startsWith(SurveyFixtures.INVITATION_SUBJECT))
                    .hasSize(1);
        }

        SurveyView open = surveys.find(order).orElseThrow();
        assertThat(open.status()).isEqualTo(SurveyStatus.OPEN);
        List<Object> closed = race(() -> {
            sending.close(open, "konsulent");
            return "closed";
        });
        assertThat(closed).containsExactlyInAnyOrder("closed", "survey.close.notOpen");
        assertThat(surveys.find(order).orElseThrow().status()).isEqualTo(SurveyStatus.CLOSED);
    }

    @Test
    void twoNewVersionsAtOnceMakeOneVersion() throws Exception {
        long order = new SurveyFixtures(mvc, users).frozenOrder();
        SurveyView frozen = surveys.find(order).orElseThrow();
        int versions = versions(frozen.id());

        List<Object> made = race(() -> {
            review.newVersion(frozen);
            return "made";
        });
        assertThat(made).containsExactlyInAnyOrder("made", "survey.newVersion.notAllowed");
        assertThat(versions(frozen.id())).isEqualTo(versions + 1);
        assertThat(surveys.find(order).orElseThrow().status()).isEqualTo(SurveyStatus.REVIEW);
    }

    private int versions(long survey) {
        return jdbc.sql("SELECT count(*) FROM survey_version WHERE survey_id = ?")
                .param(survey)
                .query(Integer.class)
                .single();
    }

    /** Runs the change twice at the same moment; each result is its value or the refusal's message key. */
    private static List<Object> race(Callable<Object> change) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    try {
                        return change.call();
                    } catch (RuleViolation refused) {
                        return refused.messageKey();
                    }
                }));
            }
            start.countDown();
            List<Object> results = new ArrayList<>();
            for (Future<Object> run : runs) {
                results.add(run.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
