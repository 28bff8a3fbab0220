package dk.samspil.pko;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.samspil.DemoUsers;
import dk.samspil.SamspilTest;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Contracts, hours, extra hours and the payment overview, for a consultant of AUH's Lungesygdomme made for each
 * test (120 fixed hours a year, AUH pays; AUH's coordinator acts for the payer).
 */
@SamspilTest
class PkoHoursTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    String username;
    String name;
    long person;
    long contract;
    YearMonth month;
    LocalDate day;

    @BeforeEach
    void aConsultantWithAContract() throws Exception {
        username = "pkotimer" + System.nanoTime();
        name = "Tine Timer " + System.nanoTime();
        long user = jdbc.sql("""
                        INSERT INTO app_user (username, password_hash, display_name, email, role)
                        VALUES (?, ?, ?, ?, 'PKO_CONSULTANT') RETURNING id""")
                .params(username, encoder.encode("samspil"), name, username + "@example.dk")
                .query(Long.class)
                .single();
        person = jdbc.sql(
                        "INSERT INTO pko_person (region_code, kind, name, user_id) VALUES ('1082', 'CONSULTANT', ?, ?) RETURNING id")
                .params(name, user)
                .query(Long.class)
                .single();
        long department = jdbc.sql("""
                        SELECT d.id FROM pko_department d JOIN hospital_unit h ON h.id = d.hospital_unit_id
                        WHERE h.name = 'Aarhus Universitetshospital' AND d.name = 'Lungesygdomme'""").query(Long.class).single();
        long attachment = jdbc.sql("INSERT INTO pko_attachment (person_id, department_id) VALUES (?, ?) RETURNING id")
                .params(person, department)
                .query(Long.class)
                .single();
        day = LocalDate.now(ZoneId.of("Europe/Copenhagen")).withDayOfMonth(1);
        month = YearMonth.from(day);
        long auh = jdbc.sql("SELECT id FROM hospital_unit WHERE name = 'Aarhus Universitetshospital'")
                .query(Long.class)
                .single();
        MvcResult made = mvc.perform(post("/pko/personer/" + person + "/kontrakter")
                        .with(users.as("pkolaege"))
                        .with(csrf())
                        .param("attachmentId", String.valueOf(attachment))
                        .param("payer", "H:" + auh)
                        .param("startsOn", month.getYear() + "-01-01")
                        .param("endsOn", month.getYear() + "-12-31")
                        .param("payment", "FIXED")
                        .param("fixedHours", "120"))
                .andReturn();
        contract = Long.parseLong(
                String.valueOf(made.getResponse().getRedirectedUrl()).replace("/pko/kontrakter/", ""));
    }

    RequestPostProcessor me() {
        return users.as(username);
    }

    MvcResult register(String hours, String task) throws Exception {
        return mvc.perform(post("/pko/timer")
                        .with(me())
                        .with(csrf())
                        .param("contractId", String.valueOf(contract))
                        .param("workedOn", day.toString())
                        .param("taskKind", task)
                        .param("hours", hours))
                .andReturn();
    }

    /**
     * Time spent on a meeting is registered from the meeting: its link opens the hours form with the meeting's day,
     * the task it is for this person and its title as the note; a task of another role's list, a day that is no day
     * and an oversized note are not taken over.
     */
    @Test
    void aMeetingsLinkOpensTheHoursFormWithItsDayTaskAndTitle() throws Exception {
        LocalDate meetingDay = day.plusDays(9);
        org.jsoup.nodes.Document form = org.jsoup.Jsoup.parse(mvc.perform(get("/pko/timer")
                        .with(me())
                        .param("dag", meetingDay.toString())
                        .param("opgave", "CONSULTANT_MEETINGS", "COLLABORATION_MEETING")
                        .param("note", "Samarbejdsmøde: FMK og dosisdispensering"))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(form.select("#workedOn").val()).isEqualTo(meetingDay.toString());
        assertThat(form.select("#taskKind option[selected]").val())
                .as("the coordinator's task is not the consultant's; the consultant's is taken")
                .isEqualTo("COLLABORATION_MEETING");
        assertThat(form.select("#note").val()).isEqualTo("Samarbejdsmøde: FMK og dosisdispensering");

        org.jsoup.nodes.Document odd = org.jsoup.Jsoup.parse(mvc.perform(get("/pko/timer")
                        .with(me())
                        .param("dag", "2027-02-30")
                        .param("opgave", "PLO_M_OBSERVER")
                        .param("note", "x".repeat(2000)))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(odd.select("#workedOn").val())
                .as("no such day: the month's default")
                .isNotEqualTo("2027-02-30");
        assertThat(odd.select("#taskKind option[selected]").val()).isNotEqualTo("PLO_M_OBSERVER");
        assertThat(odd.select("#note").val()).hasSize(500);
    }

    @Test
    void hoursAreRegisteredWithADanishCommaAndLockedOnceTheConsultantApprovesTheMonth() throws Exception {
        assertThat(register("2,5", "AUDIT").getResponse().getRedirectedUrl()).isEqualTo("/pko/timer?maaned=" + month);
        long entry = jdbc.sql("SELECT id FROM pko_hours WHERE contract_id = ?")
                .param(contract)
                .query(Long.class)
                .single();
        mvc.perform(post("/pko/timer/" + entry)
                .with(me())
                .with(csrf())
                .param("contractId", String.valueOf(contract))
                .param("workedOn", day.toString())
                .param("taskKind", "SPECIALTY_COUNCIL")
                .param("hours", "3"));
        assertThat(jdbc.sql("SELECT task_kind || ' ' || hours FROM pko_hours WHERE id = ?")
                        .param(entry)
                        .query(String.class)
                        .single())
                .isEqualTo("SPECIALTY_COUNCIL 3.00");

        mvc.perform(post("/pko/kontrakter/" + contract + "/perioder/" + month + "/godkend")
                .with(me())
                .with(csrf()));
        MvcResult late = register("1", "AUDIT");
        assertThat(late.getResponse().getStatus()).isEqualTo(200);
        assertThat(late.getResponse().getContentAsString())
                .contains("Måneden er godkendt, så timerne kan ikke længere ændres.");
        mvc.perform(post("/pko/timer/" + entry + "/slet").with(me()).with(csrf()));
        assertThat(jdbc.sql("SELECT count(*) FROM pko_hours WHERE contract_id = ?")
                        .param(contract)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void badHoursAndAnotherRolesTaskAreRefusedInDanishAtTheFieldAndNothingIsSaved() throws Exception {
        MvcResult bad = register("to timer", "AUDIT");
        assertThat(bad.getResponse().getContentAsString())
                .contains("Skriv antal timer som et tal med højst to decimaler, f.eks. 1,5.", "value=\"to timer\"");
        MvcResult tooMany = register("25", "AUDIT");
        assertThat(tooMany.getResponse().getContentAsString()).contains("Skriv mellem 0,25 og 24 timer.");
        MvcResult coordinatorsTask = register("1", "EVENING_MEETING_LEAD");
        assertThat(coordinatorsTask.getResponse().getContentAsString()).contains("Vælg en opgave fra din liste.");
        assertThat(jdbc.sql("SELECT count(*) FROM pko_hours WHERE contract_id = ?")
                        .param(contract)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void extraHoursCountOnlyOnceThePayerApprovesAndTheOverviewAndItsSpreadsheetAddUp() throws Exception {
        register("7", "AUDIT");
        register("7", "COLLABORATION_MEETING");
        mvc.perform(post("/pko/kontrakter/" + contract + "/ekstra")
                .with(me())
                .with(csrf())
                .param("month", month.toString())
                .param("hours", "3")
                .param("reason", "Ekstra audit efter aftale"));
        long request = jdbc.sql("SELECT id FROM pko_extra_hours WHERE contract_id = ?")
                .param(contract)
                .query(Long.class)
                .single();
        assertThat(line()).isEqualTo("10.00 14.00 0.00 10.00");

        int self = mvc.perform(post("/pko/ekstra/" + request + "/afgoer")
                        .with(me())
                        .with(csrf())
                        .param("beslutning", "APPROVE"))
                .andReturn()
                .getResponse()
                .getStatus();
        int medical = mvc.perform(post("/pko/ekstra/" + request + "/afgoer")
                        .with(users.as("pkolaege"))
                        .with(csrf())
                        .param("beslutning", "APPROVE"))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(self).isEqualTo(404);
        assertThat(medical).as("AUH pays: its coordinator decides").isEqualTo(404);
        mvc.perform(post("/pko/ekstra/" + request + "/afgoer")
                .with(users.as("pkokoordinator"))
                .with(csrf())
                .param("beslutning", "APPROVE"));
        assertThat(line()).isEqualTo("10.00 14.00 3.00 13.00");

        // The payer approves for payment only what the consultant has approved.
        String payUrl = "/pko/kontrakter/" + contract + "/perioder/" + month + "/udbetal";
        mvc.perform(post(payUrl).with(users.as("pkokoordinator")).with(csrf()));
        assertThat(jdbc.sql("SELECT count(*) FROM pko_period WHERE contract_id = ?")
                        .param(contract)
                        .query(Integer.class)
                        .single())
                .isZero();
        mvc.perform(post("/pko/kontrakter/" + contract + "/perioder/" + month + "/godkend")
                .with(me())
                .with(csrf()));
        mvc.perform(post(payUrl).with(users.as("pkokoordinator")).with(csrf()));
        assertThat(jdbc.sql("SELECT payer_approved_at IS NOT NULL FROM pko_period WHERE contract_id = ?")
                        .param(contract)
                        .query(Boolean.class)
                        .single())
                .isTrue();

        String page = mvc.perform(
                        get("/pko/udbetaling").param("maaned", month.toString()).with(users.as("pkokoordinator")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains(name, "Godkendt til udbetaling", "13,00");
        var download = mvc.perform(get("/pko/udbetaling.xlsx")
                        .param("maaned", month.toString())
                        .with(users.as("pkokoordinator")))
                .andReturn()
                .getResponse();
        assertThat(download.getHeader("Cache-Control"))
                .as("names and amounts are kept in no cache")
                .isEqualTo("no-store");
        byte[] xlsx = download.getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(7).getStringCellValue()).isEqualTo("Til udbetaling (timer)");
            Row row = null;
            for (Row candidate : sheet) {
                if (candidate.getCell(1).getStringCellValue().equals(name)) {
                    row = candidate;
                }
            }
            assertThat(row).as("the consultant's row").isNotNull();
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo("Aarhus Universitetshospital");
            assertThat(row.getCell(2).getStringCellValue()).isEqualTo("Lungesygdomme, Aarhus Universitetshospital");
            assertThat(new double[] {
                        row.getCell(4).getNumericCellValue(),
                        row.getCell(5).getNumericCellValue(),
                        row.getCell(6).getNumericCellValue(),
                        row.getCell(7).getNumericCellValue()
                    })
                    .containsExactly(10.0, 14.0, 3.0, 13.0);
            assertThat(row.getCell(8).getStringCellValue()).isEqualTo("Godkendt til udbetaling");
        }
        String other = mvc.perform(
                        get("/pko/udbetaling").param("maaned", month.toString()).with(users.as("pko")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(other).as("another consultant's payment is not theirs").doesNotContain(name);
    }

    @Test
    void aCoordinatorsContractIsPaidByKoncernKvalitetAndOnlyTheMedicalCoordinatorMakesIt() throws Exception {
        long coordinator = jdbc.sql("SELECT id FROM pko_person WHERE email = 'pkokoordinator@example.dk'")
                .query(Long.class)
                .single();
        long kk = jdbc.sql("SELECT id FROM pko_partner_body WHERE region_code = '1082' AND kind = 'QUALITY_UNIT'")
                .query(Long.class)
                .single();
        int before = jdbc.sql("SELECT count(*) FROM pko_contract WHERE person_id = ?")
                .param(coordinator)
                .query(Integer.class)
                .single();
        int self = mvc.perform(post("/pko/personer/" + coordinator + "/kontrakter")
                        .with(users.as("pkokoordinator"))
                        .with(csrf())
                        .param("payer", "K:" + kk)
                        .param("startsOn", "2030-01-01")
                        .param("endsOn", "2030-12-31")
                        .param("payment", "FIXED")
                        .param("fixedHours", "300"))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(self).isEqualTo(404);
        MvcResult made = mvc.perform(post("/pko/personer/" + coordinator + "/kontrakter")
                        .with(users.as("pkolaege"))
                        .with(csrf())
                        .param("payer", "K:" + kk)
                        .param("startsOn", "2030-01-01")
                        .param("endsOn", "2030-12-31")
                        .param("payment", "FIXED")
                        .param("fixedHours", "300"))
                .andReturn();
        assertThat(made.getResponse().getRedirectedUrl()).startsWith("/pko/kontrakter/");
        MvcResult backwards = mvc.perform(post("/pko/personer/" + coordinator + "/kontrakter")
                        .with(users.as("pkolaege"))
                        .with(csrf())
                        .param("payer", "K:" + kk)
                        .param("startsOn", "2031-12-31")
                        .param("endsOn", "2031-01-01")
                        .param("payment", "FIXED")
                        .param("fixedHours", "300"))
                .andReturn();
        assertThat(backwards.getFlashMap().get("error")).isEqualTo("pko.contract.endsBeforeStart");
        assertThat(jdbc.sql("SELECT count(*) FROM pko_contract WHERE person_id = ?")
                        .param(coordinator)
                        .query(Integer.class)
                        .single())
                .isEqualTo(before + 1);
    }

    @Test
    void theContractPageDrawsTheYearBesideItsTable() throws Exception {
        register("4", "NEWS_MAIL");
        String page = mvc.perform(get("/pko/kontrakter/" + contract).with(me()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains(
                        "samspil-trend-chart",
                        "data-table=\"year-table\"",
                        "Brugt i alt",
                        "Kontrakt i alt",
                        "echarts.min.js");
    }

    @Autowired
    PkoHours hoursRepository;

    /** Fixed, used, approved extra and to pay for the fixture's month. */
    String line() {
        PeriodLine l = hoursRepository.line(hoursRepository.contract(contract).orElseThrow(), month);
        return l.fixed() + " " + l.used() + " " + l.approvedExtra() + " " + l.toPay();
    }
}
