package dk.samspil.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.samspil.DemoUsers;
import dk.samspil.SamspilTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Anonymous and every demo user against every endpoint, with the answer each must get. A test below fails when
 * a new endpoint is added without a row here.
 */
@SamspilTest
class AccessTests {

    static final String ANONYMOUS = "anonym";
    static final int LOGIN = 302;

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Autowired
    JdbcClient jdbc;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Autowired
    dk.samspil.catalog.Catalog catalog;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    long demo;
    long practice;
    long member;
    static long order;
    static long task;

    @BeforeEach
    void findDemoCluster() throws Exception {
        demo = jdbc.sql("SELECT id FROM cluster WHERE name = 'Demoklyngen'")
                .query(Long.class)
                .single();
        practice = jdbc.sql("SELECT id FROM practice WHERE ydernummer = '100101'")
                .query(Long.class)
                .single();
        member = jdbc.sql("SELECT id FROM member WHERE email = 'bo.mikkelsen@example.dk'")
                .query(Long.class)
                .single();
        if (order == 0) {
            order = dk.samspil.OrderFixtures.placeAcuteOrder(
                    mvc, users, dk.samspil.OrderFixtures.today().plusWeeks(12), "kommune@example.dk");
            task = jdbc.sql("SELECT id FROM order_task WHERE order_id = ? AND step = 'MEMBER_EMAILS'")
                    .param(order)
                    .query(Long.class)
                    .single();
        }
    }

    /** pattern → (method, concrete path, expected status per user). */
    record Endpoint(String pattern, String method, String path, Map<String, Integer> expected) {}

    List<Endpoint> endpoints() throws Exception {
        List<Endpoint> list = new ArrayList<>();
        for (String path : List.of("/pakker", "/pakker/akutfunktioner", "/login", "/tilgaengelighed")) {
            list.add(new Endpoint(pattern(path), "GET", path, everyone(200)));
        }
        // The public front page; a signed-in user is sent on to their start page, which everyone signed in has.
        Map<String, Integer> front = everyone(302);
        front.put(ANONYMOUS, 200);
        list.add(new Endpoint("/", "GET", "/", front));
        Map<String, Integer> start = everyone(200);
        start.put(ANONYMOUS, LOGIN);
        list.add(new Endpoint("/start", "GET", "/start", start));
        list.add(new Endpoint(
                "/start",
                "GET",
                "/start?q=Demo&status=RECEIVED&klynge=1&kommune=0751&maaned=2027-03&sortering=moede",
                start));
        list.add(new Endpoint("/pakker/{slug}", "GET", "/pakker/findes-ikke", everyone(404)));
        list.add(new Endpoint("/klynger", "GET", "/klynger", roles(200, 200, 200, 403)));
        String c = "/klynger/" + demo;
        for (String[] e : new String[][] {
            {"/klynger/{clusterId}", c},
            {"/klynger/{clusterId}/rediger", c + "/rediger"},
            {"/klynger/{clusterId}/praksis/ny", c + "/praksis/ny"},
            {"/klynger/{clusterId}/praksis/{practiceId}", c + "/praksis/" + practice},
            {"/klynger/{clusterId}/medlemmer/ny", c + "/medlemmer/ny"},
            {"/klynger/{clusterId}/medlemmer/{memberId}", c + "/medlemmer/" + member},
            {"/klynger/{clusterId}/import", c + "/import"},
            {"/klynger/{clusterId}/import/eksempel-{kind}.csv", c + "/import/eksempel-praksis.csv"},
            {"/klynger/{clusterId}/koordinatorer/ny", c + "/koordinatorer/ny"},
        }) {
            list.add(new Endpoint(e[0], "GET", e[1], roles(200, 200, 404, 403)));
        }
        // Writes: only refusals are exercised here (the owner's writes are tested in the register tests).
        for (String[] e : new String[][] {
            {"/klynger/{clusterId}/rediger", c + "/rediger"},
            {"/klynger/{clusterId}/praksis", c + "/praksis"},
            {"/klynger/{clusterId}/praksis/{practiceId}", c + "/praksis/" + practice},
            {"/klynger/{clusterId}/praksis/{practiceId}/slet", c + "/praksis/" + practice + "/slet"},
            {"/klynger/{clusterId}/medlemmer", c + "/medlemmer"},
            {"/klynger/{clusterId}/medlemmer/{memberId}", c + "/medlemmer/" + member},
            {"/klynger/{clusterId}/medlemmer/{memberId}/slet", c + "/medlemmer/" + member + "/slet"},
            {"/klynger/{clusterId}/medlemmer/{memberId}/konto", c + "/medlemmer/" + member + "/konto"},
            {"/klynger/{clusterId}/import", c + "/import"},
            {"/klynger/{clusterId}/koordinatorer", c + "/koordinatorer"},
        }) {
            list.add(new Endpoint(e[0], "POST", e[1], refusedOnly(404, 403)));
        }
        list.add(new Endpoint("/admin/registre", "GET", "/admin/registre", adminOnly()));
        list.add(new Endpoint("/admin/klynger/ny", "GET", "/admin/klynger/ny", adminOnly()));
        list.add(new Endpoint("/admin/udbakke", "GET", "/admin/udbakke", adminOnly()));
        Map<String, Integer> unknownMail = adminOnly();
        unknownMail.put("admin", 404);
        list.add(new Endpoint("/admin/udbakke/{id}", "GET", "/admin/udbakke/999999999", unknownMail));
        list.add(new Endpoint("/admin/brugere", "GET", "/admin/brugere", adminOnly()));
        list.add(new Endpoint("/admin/brugere/ny", "GET", "/admin/brugere/ny", adminOnly()));
        list.add(new Endpoint(
                "/admin/brugere", "POST", "/admin/brugere", adminOnly())); // no fields: errors, nothing saved
        list.add(new Endpoint("/admin/brugere/{id}", "GET", "/admin/brugere/999999999", unknownMail));
        for (String action : List.of("rolle", "deaktiver", "aktiver")) {
            list.add(new Endpoint(
                    "/admin/brugere/{id}/" + action, "POST", "/admin/brugere/999999999/" + action, unknownMail));
        }
        for (String path : List.of("/admin/log", "/admin/log.csv", "/admin/log.xlsx")) {
            list.add(new Endpoint(path, "GET", path + "?hvad=SIGN_IN&fra=2026-01-01", adminOnly()));
        }
        // A provider's lead consultant (konsulent leads KiAP) manages its own consultants; everyone else gets 404.
        Map<String, Integer> lead = onlyFor("konsulent");
        list.add(new Endpoint("/udbyder/konsulenter", "GET", "/udbyder/konsulenter", lead));
        list.add(new Endpoint("/udbyder/konsulenter/ny", "GET", "/udbyder/konsulenter/ny", lead));
        list.add(new Endpoint("/udbyder/konsulenter", "POST", "/udbyder/konsulenter", lead)); // no fields: errors
        Map<String, Integer> unknownConsultant = onlyFor();
        for (String action : List.of("deaktiver", "aktiver", "leder")) {
            list.add(new Endpoint(
                    "/udbyder/konsulenter/{id}/" + action,
                    "POST",
                    "/udbyder/konsulenter/999999999/" + action,
                    unknownConsultant));
        }
        // A provider's overview: its own consultants only (each sees its own provider's); everyone else gets 404.
        for (String path : List.of("/udbyder/overblik", "/udbyder/overblik.xlsx")) {
            list.add(new Endpoint(path, "GET", path, onlyFor("konsulent", "midtkraft")));
        }
        // A provider's consultants edit its packages (KiAP's: konsulent); another provider's get 404.
        Map<String, Integer> editors = onlyFor("konsulent", "midtkraft", "admin");
        list.add(new Endpoint("/udbyder/pakker", "GET", "/udbyder/pakker", editors));
        Map<String, Integer> kiapEditors = onlyFor("konsulent", "admin");
        list.add(new Endpoint("/udbyder/pakker/import", "POST", "/udbyder/pakker/import", editors)); // no file
        list.add(new Endpoint(
                "/pakker/{slug}/materialer/{id}", "GET", "/pakker/akutfunktioner/materialer/999999999", everyone(404)));
        list.add(new Endpoint(
                "/udbyder/pakker/{slug}/materialer/{id}/slet",
                "POST",
                "/udbyder/pakker/akutfunktioner/materialer/999999999/slet",
                onlyFor()));
        for (String add : List.of("link", "fil")) { // no fields: the page with its messages
            list.add(new Endpoint(
                    "/udbyder/pakker/{slug}/materialer/" + add,
                    "POST",
                    "/udbyder/pakker/akutfunktioner/materialer/" + add,
                    kiapEditors));
        }
        for (String view : List.of("kopi", "versioner", "pakke.yaml", "materialer")) {
            list.add(new Endpoint(
                    "/udbyder/pakker/{slug}/" + view, "GET", "/udbyder/pakker/akutfunktioner/" + view, kiapEditors));
        }
        list.add(new Endpoint("/udbyder/pakker/kladder/{id}", "GET", "/udbyder/pakker/kladder/999999999", onlyFor()));
        for (String[] e : new String[][] {
            {"/udbyder/pakker/kladder/{id}", "/udbyder/pakker/kladder/999999999"},
            {"/udbyder/pakker/kladder/{id}/slet", "/udbyder/pakker/kladder/999999999/slet"},
        }) {
            list.add(new Endpoint(e[0], "POST", e[1], onlyFor()));
        }
        Map<String, Integer> kiapWritesRefused = onlyFor();
        kiapWritesRefused.remove("konsulent");
        kiapWritesRefused.remove("admin");
        for (String action : List.of("ret", "kopi")) {
            list.add(new Endpoint(
                    "/udbyder/pakker/{slug}/" + action,
                    "POST",
                    "/udbyder/pakker/akutfunktioner/" + action,
                    kiapWritesRefused));
        }
        list.add(new Endpoint("/admin/udbydere/ny", "GET", "/admin/udbydere/ny", adminOnly()));
        list.add(new Endpoint("/admin/udbydere", "POST", "/admin/udbydere", adminOnly())); // no fields: errors
        list.add(new Endpoint("/admin/udbydere/{code}", "GET", "/admin/udbydere/FINDES-IKKE", unknownMail));
        list.add(new Endpoint("/admin/udbydere/{code}", "POST", "/admin/udbydere/FINDES-IKKE", unknownMail));
        list.add(new Endpoint("/admin/udbydere/{code}", "GET", "/admin/udbydere/KIAP", adminOnly()));
        list.add(new Endpoint("/admin/brugere/{id}/leder", "POST", "/admin/brugere/999999999/leder", unknownMail));
        list.add(new Endpoint(
                "/admin/brugere/{id}/arbejdsidentitet",
                "POST",
                "/admin/brugere/999999999/arbejdsidentitet",
                unknownMail));
        list.add(new Endpoint(
                "/admin/brugere/{id}/arbejdsidentitet/fjern",
                "POST",
                "/admin/brugere/999999999/arbejdsidentitet/fjern?issuer=https://x.example&subject=y",
                unknownMail));
        // The fixed registers: only administrators edit them; posts with no fields are answered with errors.
        long unit =
                jdbc.sql("SELECT min(id) FROM hospital_unit").query(Long.class).single();
        for (String[] entry : new String[][] {
            {"/admin/regioner/{code}", "/admin/regioner/1082", "/admin/regioner/9999"},
            {"/admin/kommuner/{code}", "/admin/kommuner/0751", "/admin/kommuner/9999"},
            {"/admin/hospitalsenheder/{id}", "/admin/hospitalsenheder/" + unit, "/admin/hospitalsenheder/999999999"},
        }) {
            list.add(new Endpoint(entry[0], "GET", entry[1], adminOnly()));
            list.add(new Endpoint(entry[0], "POST", entry[1], adminOnly()));
            list.add(new Endpoint(entry[0], "GET", entry[2], unknownMail));
            list.add(new Endpoint(entry[0], "POST", entry[2], unknownMail));
        }
        list.add(new Endpoint("/admin/hospitalsenheder/ny", "GET", "/admin/hospitalsenheder/ny", adminOnly()));
        list.add(new Endpoint("/admin/hospitalsenheder", "POST", "/admin/hospitalsenheder", adminOnly()));
        Map<String, Integer> anySignedIn = everyone(200);
        anySignedIn.put(ANONYMOUS, LOGIN);
        list.add(new Endpoint("/konto", "GET", "/konto", anySignedIn));
        list.add(new Endpoint("/konto/adgangskode", "POST", "/konto/adgangskode", anySignedIn)); // no fields: errors
        list.add(new Endpoint("/konto/sessioner", "GET", "/konto/sessioner", anySignedIn));
        Map<String, Integer> ownSessionEnded = everyone(302); // each user ends only their own (OwnSessionsTests)
        list.add(new Endpoint(
                "/konto/sessioner/{handle}/afslut",
                "POST",
                "/konto/sessioner/" + "0".repeat(24) + "/afslut",
                ownSessionEnded));
        list.add(new Endpoint(
                "/konto/sessioner/afslut-andre", "POST", "/konto/sessioner/afslut-andre", ownSessionEnded));
        list.add(new Endpoint("/glemt-adgangskode", "GET", "/glemt-adgangskode", everyone(200)));
        list.add(new Endpoint("/login/afvist", "GET", "/login/afvist?aarsag=ukendt", everyone(200)));
        list.add(new Endpoint("/glemt-adgangskode", "POST", "/glemt-adgangskode", everyone(200))); // no address: error
        list.add(new Endpoint("/nulstil/{token}", "GET", "/nulstil/ukendt", everyone(200)));
        list.add(new Endpoint("/nulstil/{token}", "POST", "/nulstil/ukendt", everyone(200)));
        Map<String, Integer> createCluster = adminOnly();
        createCluster.remove("admin");
        list.add(new Endpoint("/admin/klynger", "POST", "/admin/klynger", createCluster));
        // Accounts with a municipality's rights: made by an administrator or by the municipality's own accounts.
        Map<String, Integer> municipalAccounts = onlyFor("admin", "kommune", "kommune2");
        list.add(new Endpoint("/kommune/konti", "GET", "/kommune/konti", municipalAccounts));
        list.add(new Endpoint("/kommune/konti", "POST", "/kommune/konti", municipalAccounts));
        orderEndpoints(list);
        Map<String, Integer> importers = everyone(404);
        importers.put(ANONYMOUS, LOGIN);
        for (String user : List.of("konsulent", "midtkraft", "admin")) {
            importers.put(user, 200);
        }
        list.add(new Endpoint("/data/import", "GET", "/data/import", importers));
        list.add(new Endpoint(
                "/data/import/eksempel-{kind}.csv", "GET", "/data/import/eksempel-ydelser.csv", importers));
        Map<String, Integer> notImporters = new LinkedHashMap<>(importers);
        List.of("konsulent", "midtkraft", "admin").forEach(notImporters::remove);
        list.add(new Endpoint("/data/import", "POST", "/data/import", notImporters));
        list.add(new Endpoint("/data/import/bekraeft", "POST", "/data/import/bekraeft", notImporters));
        list.add(new Endpoint("/praksis-til-bekraeftelse", "GET", "/praksis-til-bekraeftelse", importers));
        Map<String, Integer> unknownPending = new LinkedHashMap<>(notImporters);
        List.of("konsulent", "midtkraft", "admin").forEach(user -> unknownPending.put(user, 404));
        list.add(new Endpoint(
                "/praksis-til-bekraeftelse/{practiceId}",
                "POST",
                "/praksis-til-bekraeftelse/999999999",
                unknownPending));
        Map<String, Integer> signedIn = everyone(404);
        signedIn.put(ANONYMOUS, LOGIN);
        pkoAuditEndpoints(list);
        publishingEndpoints(list);
        pathwayEndpoints(list);
        list.add(new Endpoint(null, "GET", "/actuator/env", signedIn));
        list.add(new Endpoint(null, "GET", "/actuator/prometheus", adminOnly()));
        list.add(new Endpoint(null, "GET", "/actuator/health", everyone(200)));
        list.add(new Endpoint(null, "GET", "/actuator/health/liveness", everyone(200)));
        list.add(new Endpoint(null, "GET", "/actuator/health/readiness", everyone(200)));
        pkoEndpoints(list);
        return list;
    }

    /**
     * The practice consultant scheme: pko is a consultant of two AUH departments, pkokoordinator AUH's coordinator
     * (and the payer's actor for AUH's contracts), pkolaege the medical coordinator, pkonord a consultant of another
     * region, pkokommune Aarhus Kommune's municipal consultant (Midtjylland). Every other role gets 404. Writes: only refusals are exercised (the allowed ones in the PKO tests).
     */
    private void pkoEndpoints(List<Endpoint> list) {
        long person = jdbc.sql("SELECT id FROM pko_person WHERE email = 'pko@example.dk'")
                .query(Long.class)
                .single();
        long attachment = jdbc.sql("SELECT min(id) FROM pko_attachment WHERE person_id = ?")
                .param(person)
                .query(Long.class)
                .single();
        long contract = jdbc.sql("SELECT min(id) FROM pko_contract WHERE person_id = ?")
                .param(person)
                .query(Long.class)
                .single();
        long department = jdbc.sql("SELECT department_id FROM pko_attachment WHERE id = ?")
                .param(attachment)
                .query(Long.class)
                .single();
        long body = jdbc.sql("SELECT id FROM pko_partner_body WHERE name = 'PLO-M'")
                .query(Long.class)
                .single();
        java.time.LocalDate first = jdbc.sql("SELECT starts_on FROM pko_contract WHERE id = ?")
                .param(contract)
                .query(java.time.LocalDate.class)
                .single();
        jdbc.sql(
                        "INSERT INTO pko_hours (contract_id, worked_on, task_kind, hours, note) SELECT ?, ?, 'AUDIT', 1, 'adgangstest'"
                                + " WHERE NOT EXISTS (SELECT 1 FROM pko_hours WHERE note = 'adgangstest')")
                .params(contract, first)
                .update();
        long entry = jdbc.sql("SELECT min(id) FROM pko_hours WHERE note = 'adgangstest'")
                .query(Long.class)
                .single();
        jdbc.sql("INSERT INTO pko_extra_hours (contract_id, period_month, hours, reason) SELECT ?, ?, 1, 'adgangstest'"
                        + " WHERE NOT EXISTS (SELECT 1 FROM pko_extra_hours WHERE reason = 'adgangstest')")
                .params(contract, first)
                .update();
        long extra = jdbc.sql("SELECT min(id) FROM pko_extra_hours WHERE reason = 'adgangstest'")
                .query(Long.class)
                .single();
        String month = java.time.YearMonth.from(first).toString();
        String p = "/pko/personer/" + person;
        String c = "/pko/kontrakter/" + contract;
        String[] everyPko = {"pko", "pkokoordinator", "pkolaege", "pkonord", "pkokommune", "admin"};
        String[] seesPko = {"pko", "pkokoordinator", "pkolaege", "admin"};
        String[] editsPko = {"pkokoordinator", "pkolaege", "admin"};
        String[] persons = {"pko", "pkokoordinator", "pkolaege", "pkonord", "pkokommune"};
        list.add(new Endpoint("/pko", "GET", "/pko", onlyFor(everyPko)));
        list.add(new Endpoint("/pko/oversigt", "GET", "/pko/oversigt", onlyFor(everyPko)));
        list.add(new Endpoint("/pko/personer/{personId}", "GET", p, onlyFor(seesPko)));
        list.add(new Endpoint("/pko/personer/{personId}/rediger", "GET", p + "/rediger", onlyFor(editsPko)));
        list.add(new Endpoint("/pko/registre", "GET", "/pko/registre", onlyFor(editsPko)));
        list.add(new Endpoint("/pko/timer", "GET", "/pko/timer", onlyFor(persons)));
        list.add(new Endpoint("/pko/kontrakter/{contractId}", "GET", c, onlyFor(seesPko)));
        list.add(new Endpoint("/pko/udbetaling", "GET", "/pko/udbetaling", onlyFor(everyPko)));
        list.add(new Endpoint("/pko/udbetaling.xlsx", "GET", "/pko/udbetaling.xlsx", onlyFor(everyPko)));
        for (String[] e : new String[][] {
            {"/pko/personer", "/pko/personer"},
            {"/pko/personer/{personId}/rediger", p + "/rediger"},
            {"/pko/personer/{personId}/tilknytninger", p + "/tilknytninger"},
            {"/pko/tilknytninger/{attachmentId}/slet", "/pko/tilknytninger/" + attachment + "/slet"},
            {"/pko/afdelinger", "/pko/afdelinger"},
            {"/pko/afdelinger/{departmentId}", "/pko/afdelinger/" + department},
            {"/pko/personer/{personId}/kontrakter", p + "/kontrakter"},
        }) {
            list.add(new Endpoint(e[0], "POST", e[1], refusedExcept(editsPko)));
        }
        list.add(new Endpoint(
                "/pko/tilknytninger/{attachmentId}/aftale",
                "POST",
                "/pko/tilknytninger/" + attachment + "/aftale",
                refusedExcept("pko", "pkokoordinator", "pkolaege", "admin")));
        list.add(new Endpoint("/pko/personer/{personId}/gode-raad", "POST", p + "/gode-raad", refusedExcept("pko")));
        list.add(new Endpoint(
                "/pko/samarbejdsparter", "POST", "/pko/samarbejdsparter", refusedExcept("pkolaege", "admin")));
        list.add(new Endpoint(
                "/pko/samarbejdsparter/{bodyId}",
                "POST",
                "/pko/samarbejdsparter/" + body,
                refusedExcept("pkolaege", "admin")));
        list.add(new Endpoint("/pko/timer", "POST", "/pko/timer", refusedExcept(persons)));
        for (String[] e : new String[][] {
            {"/pko/timer/{entryId}", "/pko/timer/" + entry},
            {"/pko/timer/{entryId}/slet", "/pko/timer/" + entry + "/slet"},
            {"/pko/kontrakter/{contractId}/perioder/{maaned}/godkend", c + "/perioder/" + month + "/godkend"},
            {"/pko/kontrakter/{contractId}/ekstra", c + "/ekstra"},
        }) {
            list.add(new Endpoint(e[0], "POST", e[1], refusedExcept("pko")));
        }
        list.add(new Endpoint(
                "/pko/kontrakter/{contractId}/perioder/{maaned}/udbetal",
                "POST",
                c + "/perioder/" + month + "/udbetal",
                refusedExcept("pkokoordinator", "admin")));
        list.add(new Endpoint(
                "/pko/ekstra/{requestId}/afgoer",
                "POST",
                "/pko/ekstra/" + extra + "/afgoer",
                refusedExcept("pkokoordinator", "admin")));
        pkoMeetingEndpoints(list, everyPko, editsPko);
        pkoEveningEndpoints(list, everyPko, editsPko);
        pkoCollaborationEndpoints(list, everyPko);
    }

    /**
     * A collaboration meeting of Aarhus in the Manegemodellen and a correspondence review of Aarhus: planned and kept
     * by a consultant attached to the municipality (none among the demo users; their writes are tested in
     * PkoCollaborationTests and PkoCorrespondenceTests) and the region's editors. A hospital consultant, a
     * coordinator, another region's consultant and every other role get 404. The decision aid on correspondence is
     * for everyone signed in.
     */
    private void pkoCollaborationEndpoints(List<Endpoint> list, String[] everyPko) {
        jdbc.sql("""
                        INSERT INTO pko_collaboration_meeting (region_code, municipality_code, topic_key, format,
                            meeting_date, start_time, place, created_by)
                        SELECT '1082', '0751', 'FMK', 'MANEGE', DATE '2030-05-02', TIME '16:00', 'adgangstest', 'test'
                        WHERE NOT EXISTS (SELECT 1 FROM pko_collaboration_meeting WHERE place = 'adgangstest')""").update();
        long collaboration = jdbc.sql("SELECT id FROM pko_collaboration_meeting WHERE place = 'adgangstest'")
                .query(Long.class)
                .single();
        jdbc.sql("INSERT INTO meeting (owner_kind, owner_id) VALUES ('PKO_COLLABORATION', ?) ON CONFLICT DO NOTHING")
                .param(collaboration)
                .update();
        jdbc.sql("""
                        UPDATE pko_collaboration_meeting c SET meeting_id = m.id FROM meeting m
                        WHERE m.owner_kind = 'PKO_COLLABORATION' AND m.owner_id = c.id AND c.id = ?""").param(collaboration).update();
        jdbc.sql("""
                        INSERT INTO pko_km_review (region_code, municipality_code, name, created_by)
                        SELECT '1082', '0751', 'adgangstest', 'test'
                        WHERE NOT EXISTS (SELECT 1 FROM pko_km_review WHERE name = 'adgangstest')""").update();
        long review = jdbc.sql("SELECT id FROM pko_km_review WHERE name = 'adgangstest'")
                .query(Long.class)
                .single();
        // The meeting and the review are Aarhus Kommune's (0751): kept by its municipal consultant pkokommune too.
        String[] keepers = {"pkolaege", "admin", "pkokommune"};
        // pkonord is a municipal consultant (of Aalborg, in another region): plans and reviews for their own.
        String[] planners = {"pkolaege", "admin", "pkonord", "pkokommune"};
        String c = "/pko/samarbejdsmoeder/" + collaboration;
        list.add(new Endpoint("/pko/samarbejdsmoeder", "GET", "/pko/samarbejdsmoeder", onlyFor(everyPko)));
        list.add(new Endpoint("/pko/samarbejdsmoeder", "POST", "/pko/samarbejdsmoeder", refusedExcept(planners)));
        list.add(new Endpoint("/pko/samarbejdsmoeder/{id}", "GET", c, onlyFor(keepers)));
        list.add(new Endpoint("/pko/samarbejdsmoeder/{id}/manege", "GET", c + "/manege", onlyFor(keepers)));
        for (String[] e : new String[][] {
            {"/pko/samarbejdsmoeder/{id}", c},
            {"/pko/samarbejdsmoeder/{id}/inviterede", c + "/inviterede"},
            {"/pko/samarbejdsmoeder/{id}/inviterede/laeger", c + "/inviterede/laeger"},
            {"/pko/samarbejdsmoeder/{id}/invitationer", c + "/invitationer"},
            {"/pko/samarbejdsmoeder/{id}/manege", c + "/manege"},
            {"/pko/samarbejdsmoeder/{id}/manege/aktoerer", c + "/manege/aktoerer"},
            {"/pko/samarbejdsmoeder/{id}/manege/nedslag", c + "/manege/nedslag"},
        }) {
            list.add(new Endpoint(e[0], "POST", e[1], refusedExcept(keepers)));
        }
        // An invitee, actor or point of no meeting: 404 for everyone, the keepers included.
        for (String[] e : new String[][] {
            {"/pko/samarbejdsmoeder/{id}/inviterede/{inviteeId}/slet", c + "/inviterede/999999999/slet"},
            {"/pko/samarbejdsmoeder/{id}/manege/aktoerer/{actorId}/slet", c + "/manege/aktoerer/999999999/slet"},
            {"/pko/samarbejdsmoeder/{id}/manege/nedslag/{pointId}", c + "/manege/nedslag/999999999"},
            {"/pko/samarbejdsmoeder/{id}/manege/nedslag/{pointId}/slet", c + "/manege/nedslag/999999999/slet"},
        }) {
            list.add(new Endpoint(e[0], "POST", e[1], refusedExcept()));
        }
        // The hosted meeting of the collaboration meeting, by its host's rule.
        long meeting = jdbc.sql("SELECT meeting_id FROM pko_collaboration_meeting WHERE id = ?")
                .param(collaboration)
                .query(Long.class)
                .single();
        list.add(new Endpoint("/moeder/{meetingId}", "GET", "/moeder/" + meeting, onlyFor(keepers)));

        Map<String, Integer> signedIn = everyone(200);
        signedIn.put(ANONYMOUS, LOGIN);
        list.add(new Endpoint("/korrespondance", "GET", "/korrespondance", signedIn));
        String r = "/pko/korrespondance/" + review;
        list.add(new Endpoint("/pko/korrespondance", "GET", "/pko/korrespondance", onlyFor(planners)));
        list.add(new Endpoint("/pko/korrespondance", "POST", "/pko/korrespondance", refusedExcept(planners)));
        list.add(new Endpoint("/pko/korrespondance/{id}", "GET", r, onlyFor(keepers)));
        list.add(new Endpoint("/pko/korrespondance/{id}/fil", "POST", r + "/fil", refusedExcept(keepers)));
        list.add(new Endpoint("/pko/korrespondance/{id}/antal", "POST", r + "/antal", refusedExcept(keepers)));
    }

    /**
     * An evening meeting of AUH: read by its hospital consultant, coordinator, the medical coordinator and the
     * administrator; wishes sent only by the unit's consultants; talks placed by the writers.
     */
    private void pkoEveningEndpoints(List<Endpoint> list, String[] everyPko, String[] editsPko) {
        jdbc.sql("""
                        INSERT INTO pko_evening_meeting (region_code, hospital_unit_id, meeting_date, start_time, end_time,
                            place, format, created_by, signup_token)
                        SELECT '1082', id, DATE '2030-04-02', TIME '17:00', TIME '20:00', 'adgangstest', 'LARGE', 'test',
                               'adgangstestadgangstestadgangstest12345'
                        FROM hospital_unit WHERE name = 'Aarhus Universitetshospital'
                        AND NOT EXISTS (SELECT 1 FROM pko_evening_meeting WHERE place = 'adgangstest')""").update();
        long evening = jdbc.sql("SELECT id FROM pko_evening_meeting WHERE place = 'adgangstest'")
                .query(Long.class)
                .single();
        jdbc.sql("INSERT INTO meeting (owner_kind, owner_id) VALUES ('PKO_EVENING', ?) ON CONFLICT DO NOTHING")
                .param(evening)
                .update();
        jdbc.sql("""
                        UPDATE pko_evening_meeting e SET meeting_id = m.id FROM meeting m
                        WHERE m.owner_kind = 'PKO_EVENING' AND m.owner_id = e.id AND e.id = ?""").param(evening).update();
        String e = "/pko/fyraftensmoeder/" + evening;
        list.add(new Endpoint("/pko/fyraftensmoeder", "GET", "/pko/fyraftensmoeder", onlyFor(everyPko)));
        list.add(new Endpoint("/pko/fyraftensmoeder", "POST", "/pko/fyraftensmoeder", refusedExcept(editsPko)));
        list.add(new Endpoint(
                "/pko/fyraftensmoeder/{id}", "GET", e, onlyFor("pko", "pkokoordinator", "pkolaege", "admin")));
        list.add(new Endpoint("/pko/fyraftensmoeder/{id}/oensker", "POST", e + "/oensker", refusedExcept("pko")));
        list.add(new Endpoint(
                "/pko/fyraftensmoeder/{id}/oensker/{wishId}/programmet",
                "POST",
                e + "/oensker/999999999/programmet",
                refusedExcept()));
        // The logistics: kept by the writers (whose writes are tested in PkoEveningMeetingTests); an item of no
        // meeting is 404 for everyone; each of the unit's hospital consultants answers for themself.
        String[] writes = {"pkokoordinator", "pkolaege", "admin"};
        list.add(new Endpoint("/pko/fyraftensmoeder/{id}/opgaver", "POST", e + "/opgaver", refusedExcept(writes)));
        list.add(new Endpoint(
                "/pko/fyraftensmoeder/{id}/opgaver/standard", "POST", e + "/opgaver/standard", refusedExcept(writes)));
        for (String action : List.of("udfoert", "slet")) {
            list.add(new Endpoint(
                    "/pko/fyraftensmoeder/{id}/opgaver/{taskId}/" + action,
                    "POST",
                    e + "/opgaver/999999999/" + action,
                    refusedExcept()));
        }
        list.add(new Endpoint("/pko/fyraftensmoeder/{id}/tilskud", "POST", e + "/tilskud", refusedExcept(writes)));
        // The programme as PDF for those who read the meeting; the invitation to the catchment area sent by the
        // writers.
        list.add(new Endpoint(
                "/pko/fyraftensmoeder/{id}/program.pdf",
                "GET",
                e + "/program.pdf",
                onlyFor("pko", "pkokoordinator", "pkolaege", "admin")));
        list.add(
                new Endpoint("/pko/fyraftensmoeder/{id}/invitation", "POST", e + "/invitation", refusedExcept(writes)));
        list.add(new Endpoint("/pko/fyraftensmoeder/{id}/deltagelse", "POST", e + "/deltagelse", refusedExcept("pko")));
        // The public sign-up: open to everyone by its address; an unknown address is 404 for everyone.
        String signup = "/fyraftensmoede/adgangstestadgangstestadgangstest12345";
        list.add(new Endpoint("/fyraftensmoede/{token}", "GET", signup, everyone(200)));
        list.add(new Endpoint("/fyraftensmoede/{token}", "POST", signup, everyone(200)));
        list.add(new Endpoint("/fyraftensmoede/{token}", "GET", "/fyraftensmoede/ukendt", everyone(404)));
    }

    /**
     * A meeting of AUH's hospital consultants, hosted by pko on the meeting module (/moeder/{id}): read by the
     * consultant who takes part, written by AUH's coordinator, the medical coordinator and the administrator;
     * another region's consultant and every other role get 404.
     */
    private void pkoMeetingEndpoints(List<Endpoint> list, String[] everyPko, String[] editsPko) {
        jdbc.sql("""
                        INSERT INTO pko_meeting (region_code, kind, hospital_unit_id, meeting_date, start_time, place, created_by)
                        SELECT '1082', 'UNIT_CONSULTANTS', id, DATE '2030-03-01', TIME '15:00', 'adgangstest', 'test'
                        FROM hospital_unit WHERE name = 'Aarhus Universitetshospital'
                        AND NOT EXISTS (SELECT 1 FROM pko_meeting WHERE place = 'adgangstest')""").update();
        long pkoMeeting = jdbc.sql("SELECT id FROM pko_meeting WHERE place = 'adgangstest'")
                .query(Long.class)
                .single();
        jdbc.sql("INSERT INTO meeting (owner_kind, owner_id) VALUES ('PKO_MEETING', ?) ON CONFLICT DO NOTHING")
                .param(pkoMeeting)
                .update();
        long meeting = jdbc.sql("SELECT id FROM meeting WHERE owner_kind = 'PKO_MEETING' AND owner_id = ?")
                .param(pkoMeeting)
                .query(Long.class)
                .single();
        jdbc.sql("UPDATE pko_meeting SET meeting_id = ? WHERE id = ?")
                .params(meeting, pkoMeeting)
                .update();
        String m = "/moeder/" + meeting;
        String[] readers = {"pko", "pkokoordinator", "pkolaege", "admin"};
        list.add(new Endpoint("/pko/moeder", "GET", "/pko/moeder", onlyFor(everyPko)));
        // Everyone in the scheme plans some meeting: a consultant their own with their department or municipality.
        list.add(new Endpoint("/pko/moeder", "POST", "/pko/moeder", refusedExcept(everyPko)));
        list.add(new Endpoint("/moeder/{meetingId}", "GET", m, onlyFor(readers)));
        list.add(new Endpoint("/moeder/{meetingId}/referat", "GET", m + "/referat", onlyFor(readers)));
        for (String[] e : new String[][] {
            {"/moeder/{meetingId}/roller", m + "/roller"},
            {"/moeder/{meetingId}/fremmoede", m + "/fremmoede"},
            {"/moeder/{meetingId}/dagsorden", m + "/dagsorden"},
            {"/moeder/{meetingId}/dagsorden/{position}/op", m + "/dagsorden/2/op"},
            {"/moeder/{meetingId}/dagsorden/{position}/slet", m + "/dagsorden/1/slet"},
            {"/moeder/{meetingId}/blokke/{position}", m + "/blokke/1"},
            {"/moeder/{meetingId}/parkering", m + "/parkering"},
            {"/moeder/{meetingId}/parkering/{itemId}/slet", m + "/parkering/999999999/slet"},
            {"/moeder/{meetingId}/aftaler", m + "/aftaler"},
            {"/moeder/{meetingId}/aftaler/{agreementId}", m + "/aftaler/999999999"},
            {"/moeder/{meetingId}/aftaler/{agreementId}/status", m + "/aftaler/999999999/status"},
            {"/moeder/{meetingId}/referat", m + "/referat"},
        }) {
            list.add(new Endpoint(e[0], "POST", e[1], refusedExcept("pkokoordinator", "pkolaege", "admin")));
        }
        // An unknown referat token, a missing agenda item: 404 for everyone signed in, writers included.
        Map<String, Integer> nobody = refusedExcept();
        String token = "a".repeat(43);
        list.add(new Endpoint(
                "/moeder/{meetingId}/referat/{token}.docx", "GET", m + "/referat/" + token + ".docx", nobody));
        list.add(new Endpoint(
                "/moeder/{meetingId}/referat/{token}.pdf", "GET", m + "/referat/" + token + ".pdf", nobody));
        list.add(new Endpoint(
                "/moeder/{meetingId}/referat/{token}/send", "POST", m + "/referat/" + token + "/send", nobody));
        list.add(new Endpoint(
                "/moeder/{meetingId}/dagsorden/{position}/slet", "POST", m + "/dagsorden/99/slet", nobody));
        // An order's meeting is not opened by its meeting id: its page is the order's.
        long orderMeeting = jdbc.sql("SELECT min(id) FROM meeting WHERE owner_kind = 'ORDER'")
                .query(Long.class)
                .optional()
                .orElse(0L);
        if (orderMeeting > 0) {
            list.add(new Endpoint("/moeder/{meetingId}", "GET", "/moeder/" + orderMeeting, onlyFor()));
        }
    }

    /** 404 for every signed-in user but these (whose writes are tested elsewhere), the sign-in page for anonymous. */
    private static Map<String, Integer> refusedExcept(String... allowed) {
        Map<String, Integer> map = everyone(404);
        map.put(ANONYMOUS, LOGIN);
        Stream.of(allowed).forEach(map::remove);
        return map;
    }

    /** Orders: seen by the cluster, the provider and the municipality of the order; run by the provider. */
    private void orderEndpoints(List<Endpoint> list) {
        Map<String, Integer> signedIn = everyone(200);
        signedIn.put(ANONYMOUS, LOGIN);
        list.add(new Endpoint("/bestillinger", "GET", "/bestillinger", signedIn));
        Map<String, Integer> coordinatorsOnly = everyone(404);
        coordinatorsOnly.put(ANONYMOUS, LOGIN);
        coordinatorsOnly.put("koordinator", 200);
        coordinatorsOnly.put("koordinator2", 200);
        list.add(new Endpoint("/bestillinger/ny", "GET", "/bestillinger/ny?pakke=akutfunktioner", coordinatorsOnly));
        list.add(new Endpoint("/bestillinger", "POST", "/bestillinger", coordinatorsOnly));
        String o = "/bestillinger/" + order;
        Map<String, Integer> seeing = everyone(404);
        seeing.put(ANONYMOUS, LOGIN);
        for (String user : List.of("koordinator", "admin", "konsulent", "kommune")) {
            seeing.put(user, 200);
        }
        list.add(new Endpoint("/bestillinger/{orderId}", "GET", o, reading(seeing)));
        list.add(new Endpoint("/bestillinger/{orderId}/kalender.ics", "GET", o + "/kalender.ics", reading(seeing)));
        list.add(new Endpoint("/bestillinger/{orderId}/data", "GET", o + "/data", seeing));
        list.add(new Endpoint("/bestillinger/{orderId}/kommunedata", "GET", o + "/kommunedata", seeing));
        // Writes: everyone who may not is refused; the allowed writes are exercised in the ordering tests.
        Map<String, Integer> outsiders = everyone(404);
        outsiders.put(ANONYMOUS, LOGIN);
        for (String user : List.of("koordinator", "admin", "konsulent", "kommune")) {
            outsiders.remove(user);
        }
        Map<String, Integer> notManagers = new LinkedHashMap<>(outsiders);
        notManagers.put("koordinator", 404);
        notManagers.put("kommune", 404);
        list.add(new Endpoint("/bestillinger/{orderId}/tilbageringning", "POST", o + "/tilbageringning", notManagers));
        list.add(new Endpoint("/bestillinger/{orderId}/materialer", "POST", o + "/materialer", notManagers));
        list.add(new Endpoint(
                "/bestillinger/{orderId}/kommune-kontaktet", "POST", o + "/kommune-kontaktet", notManagers));
        list.add(new Endpoint("/bestillinger/{orderId}/status", "POST", o + "/status", notManagers));
        Map<String, Integer> notPlanners = new LinkedHashMap<>(outsiders);
        notPlanners.put("kommune", 404);
        list.add(new Endpoint("/bestillinger/{orderId}/moededato", "POST", o + "/moededato", notPlanners));
        list.add(new Endpoint("/bestillinger/{orderId}/aflys", "POST", o + "/aflys", notPlanners));
        list.add(new Endpoint("/bestillinger/{orderId}/foerste-kontakt", "POST", o + "/foerste-kontakt", notPlanners));
        // Changing a placed order: its coordinator and its provider's consultants (OrderChangeTests writes it).
        Map<String, Integer> planners = new LinkedHashMap<>(notPlanners);
        for (String user : List.of("koordinator", "admin", "konsulent")) {
            planners.put(user, 200);
        }
        list.add(new Endpoint("/bestillinger/{orderId}/aendring", "GET", o + "/aendring", planners));
        list.add(new Endpoint("/bestillinger/{orderId}/program", "GET", o + "/program", planners));
        list.add(new Endpoint("/bestillinger/{orderId}/aendring", "POST", o + "/aendring", notPlanners));
        list.add(new Endpoint("/bestillinger/{orderId}/program", "POST", o + "/program", notPlanners));
        // Only the cluster's coordinator orders the follow-up (exercised in FollowUpFlowTests).
        Map<String, Integer> notCoordinator = everyone(404);
        notCoordinator.put(ANONYMOUS, LOGIN);
        notCoordinator.remove("koordinator");
        list.add(new Endpoint("/bestillinger/{orderId}/opfoelgning", "POST", o + "/opfoelgning", notCoordinator));
        // A cluster task may not be ticked by the municipality.
        list.add(new Endpoint("/bestillinger/{orderId}/opgaver/{taskId}", "POST", o + "/opgaver/" + task, notPlanners));
        // The agreements overview: every role that sees orders (each its own, see AgreementOverviewTests); PKO and
        // editor see no orders, so the page is not theirs.
        Map<String, Integer> seeingOrders = new LinkedHashMap<>(signedIn);
        seeingOrders.put("pko", 404);
        seeingOrders.put("pkokoordinator", 404);
        seeingOrders.put("pkolaege", 404);
        seeingOrders.put("pkonord", 404);
        seeingOrders.put("pkokommune", 404);
        seeingOrders.put("redaktoer", 404);
        list.add(new Endpoint("/aftaler", "GET", "/aftaler", seeingOrders));
        Map<String, Integer> exportingAgreements = new LinkedHashMap<>(seeingOrders);
        exportingAgreements.put("medlem", 404); // a member reads the agreements, exports nothing
        list.add(new Endpoint("/aftaler.xlsx", "GET", "/aftaler.xlsx", exportingAgreements));
        list.add(new Endpoint("/kalender", "GET", "/kalender", signedIn));
        Map<String, Integer> newFeed = everyone(302);
        list.add(new Endpoint("/kalender", "POST", "/kalender", newFeed));
        list.add(new Endpoint(
                "/kalender/feed/{token}.ics", "GET", "/kalender/feed/" + "x".repeat(43) + ".ics", everyone(404)));
        // Municipal data: delivered only by the order's municipality (or its provider) and only where the package
        // asks for it — the demo order's package does not, so here every write is refused.
        Map<String, Integer> notDeliverers = new LinkedHashMap<>(notPlanners);
        notDeliverers.put("koordinator", 404);
        list.add(new Endpoint("/bestillinger/{orderId}/kommunedata", "POST", o + "/kommunedata", notDeliverers));
        list.add(new Endpoint(
                "/bestillinger/{orderId}/kommunedata/dosis", "POST", o + "/kommunedata/dosis", notDeliverers));
        Map<String, Integer> municipalExample = everyone(404);
        municipalExample.put(ANONYMOUS, LOGIN);
        for (String user : List.of("konsulent", "midtkraft", "admin", "kommune", "kommune2")) {
            municipalExample.put(user, 200);
        }
        list.add(new Endpoint(
                "/data/kommunedata/eksempel-henvisninger.csv",
                "GET",
                "/data/kommunedata/eksempel-henvisninger.csv",
                municipalExample));
        // Decks: seen by the order's people, made and sent by its provider; an unknown token is 404 for everyone.
        list.add(new Endpoint("/bestillinger/{orderId}/praesentation", "GET", o + "/praesentation", reading(seeing)));
        list.add(new Endpoint(
                "/bestillinger/{orderId}/praesentation/versioner",
                "GET",
                o + "/praesentation/versioner",
                reading(seeing)));
        list.add(new Endpoint("/bestillinger/{orderId}/praesentation", "POST", o + "/praesentation", notManagers));
        Map<String, Integer> noSuchDeck = everyone(404);
        noSuchDeck.put(ANONYMOUS, LOGIN);
        String token = "x".repeat(43);
        list.add(new Endpoint(
                "/bestillinger/{orderId}/praesentation/{token}.pptx",
                "GET",
                o + "/praesentation/" + token + ".pptx",
                noSuchDeck));
        list.add(new Endpoint(
                "/bestillinger/{orderId}/praesentation/{token}.pdf",
                "GET",
                o + "/praesentation/" + token + ".pdf",
                noSuchDeck));
        list.add(new Endpoint(
                "/bestillinger/{orderId}/praesentation/{token}/send",
                "POST",
                o + "/praesentation/" + token + "/send",
                noSuchDeck));
        // The municipality's talk: uploaded by the order's municipality or its provider (exercised in
        // MunicipalTalkTests).
        Map<String, Integer> notTalkWriters = new LinkedHashMap<>(outsiders);
        notTalkWriters.put("koordinator", 404);
        list.add(new Endpoint(
                "/bestillinger/{orderId}/praesentation/oplaeg/{block}",
                "POST",
                o + "/praesentation/oplaeg/1",
                notTalkWriters));
        list.add(new Endpoint(
                "/bestillinger/{orderId}/praesentation/oplaeg/{block}",
                "GET",
                o + "/praesentation/oplaeg/1",
                notTalkWriters));
        list.add(new Endpoint(
                "/bestillinger/{orderId}/praesentation/oplaeg/{block}/fjern",
                "POST",
                o + "/praesentation/oplaeg/1/fjern",
                notTalkWriters));
        list.add(new Endpoint("/bestillinger/{orderId}/dokumenter", "GET", o + "/dokumenter", seeing));
        list.add(new Endpoint("/bestillinger/{orderId}/dokumenter/liste", "GET", o + "/dokumenter/liste", seeing));
        list.add(new Endpoint(
                "/bestillinger/{orderId}/dokumenter/{token}/{stem}.docx",
                "GET",
                o + "/dokumenter/" + token + "/dialogark.docx",
                noSuchDeck));
        list.add(new Endpoint(
                "/bestillinger/{orderId}/dokumenter/{token}/{stem}.pdf",
                "GET",
                o + "/dokumenter/" + token + "/dialogark.pdf",
                noSuchDeck));
        meetingEndpoints(list, o, seeing, outsiders, noSuchDeck, token);
        surveyEndpoints(list, o, seeing, outsiders, notManagers);
        list.add(new Endpoint("/invitation/{token}", "GET", "/invitation/ukendt", everyone(200)));
        list.add(new Endpoint("/invitation/{token}", "POST", "/invitation/ukendt", everyone(200)));
    }

    /**
     * The meeting: seen and written by everyone who sees the order (cluster, municipality, provider); outsiders get
     * 404 everywhere, and an unknown referat token is 404 for everyone.
     */
    private void meetingEndpoints(
            List<Endpoint> list,
            String o,
            Map<String, Integer> seeing,
            Map<String, Integer> outsiders,
            Map<String, Integer> noSuchToken,
            String token) {
        list.add(new Endpoint("/bestillinger/{orderId}/moede", "GET", o + "/moede", reading(seeing)));
        list.add(new Endpoint("/bestillinger/{orderId}/moede/referat", "GET", o + "/moede/referat", reading(seeing)));
        // Before the meeting day the KLU item is refused with a message on the meeting page (MeetingController).
        Map<String, Integer> seeingRedirected = new LinkedHashMap<>(seeing);
        seeingRedirected.replaceAll((user, status) -> status == 200 ? 302 : status);
        list.add(new Endpoint(
                "/bestillinger/{orderId}/moede/klu-punkt.docx", "GET", o + "/moede/klu-punkt.docx", seeingRedirected));
        for (String[] e : new String[][] {
            {"/bestillinger/{orderId}/moede/roller", o + "/moede/roller"},
            {"/bestillinger/{orderId}/moede/formoede", o + "/moede/formoede"},
            {"/bestillinger/{orderId}/moede/fremmoede", o + "/moede/fremmoede"},
            {"/bestillinger/{orderId}/moede/blokke/{position}", o + "/moede/blokke/1"},
            {"/bestillinger/{orderId}/moede/parkering", o + "/moede/parkering"},
            {"/bestillinger/{orderId}/moede/parkering/{itemId}/slet", o + "/moede/parkering/999999999/slet"},
            {"/bestillinger/{orderId}/moede/aftaler", o + "/moede/aftaler"},
            {"/bestillinger/{orderId}/moede/aftaler/{agreementId}", o + "/moede/aftaler/999999999"},
            {"/bestillinger/{orderId}/moede/aftaler/{agreementId}/status", o + "/moede/aftaler/999999999/status"},
            {"/bestillinger/{orderId}/moede/referat", o + "/moede/referat"},
        }) {
            list.add(new Endpoint(e[0], "POST", e[1], outsiders));
        }
        Map<String, Integer> unknownItem = new LinkedHashMap<>(outsiders);
        for (String user : List.of("koordinator", "admin", "konsulent", "kommune")) {
            unknownItem.put(user, 404);
        }
        list.add(new Endpoint(
                "/bestillinger/{orderId}/moede/aftaler/{agreementId}",
                "POST",
                o + "/moede/aftaler/999999998",
                unknownItem));
        list.add(new Endpoint(
                "/bestillinger/{orderId}/moede/referat/{token}.docx",
                "GET",
                o + "/moede/referat/" + token + ".docx",
                noSuchToken));
        list.add(new Endpoint(
                "/bestillinger/{orderId}/moede/referat/{token}.pdf",
                "GET",
                o + "/moede/referat/" + token + ".pdf",
                noSuchToken));
        list.add(new Endpoint(
                "/bestillinger/{orderId}/moede/referat/{token}/send",
                "POST",
                o + "/moede/referat/" + token + "/send",
                noSuchToken));
    }

    /**
     * The survey of an order: seen (review page, response rate, results) by those who see the order, changed and
     * sent by its provider; exports are refused to outsiders (and, below the answer threshold, to everyone). The
     * respondent's pages need no sign-in and answer an unknown link with the same page for everyone.
     */
    private void surveyEndpoints(
            List<Endpoint> list,
            String o,
            Map<String, Integer> seeing,
            Map<String, Integer> outsiders,
            Map<String, Integer> notManagers) {
        String key = catalog.find("akutfunktioner")
                .orElseThrow()
                .questionnaire()
                .questions()
                .get(0)
                .key();
        list.add(new Endpoint("/bestillinger/{orderId}/spoergeskema", "GET", o + "/spoergeskema", seeing));
        list.add(new Endpoint("/bestillinger/{orderId}/resultater", "GET", o + "/resultater", reading(seeing)));
        list.add(new Endpoint(
                "/bestillinger/{orderId}/spoergeskema/forhaandsvisning",
                "GET",
                o + "/spoergeskema/forhaandsvisning",
                seeing));
        list.add(new Endpoint("/bestillinger/{orderId}/resultater.csv", "GET", o + "/resultater.csv", outsiders));
        list.add(new Endpoint("/bestillinger/{orderId}/resultater.xlsx", "GET", o + "/resultater.xlsx", outsiders));
        Map<String, Integer> managersSee = new LinkedHashMap<>(notManagers);
        managersSee.put("konsulent", 200);
        managersSee.put("admin", 200);
        list.add(new Endpoint(
                "/bestillinger/{orderId}/spoergeskema/spoergsmaal",
                "GET",
                o + "/spoergeskema/spoergsmaal",
                managersSee));
        list.add(new Endpoint(
                "/bestillinger/{orderId}/spoergeskema/spoergsmaal/{key}",
                "GET",
                o + "/spoergeskema/spoergsmaal/" + key,
                managersSee));
        list.add(new Endpoint(
                "/bestillinger/{orderId}/spoergeskema/forslag", "POST", o + "/spoergeskema/forslag", outsiders));
        for (String[] e : new String[][] {
            {"/bestillinger/{orderId}/spoergeskema/forslag/{proposalId}", o + "/spoergeskema/forslag/999999999"},
            {
                "/bestillinger/{orderId}/spoergeskema/forslag/{proposalId}/brug",
                o + "/spoergeskema/forslag/999999999/brug"
            },
            {"/bestillinger/{orderId}/spoergeskema/spoergsmaal", o + "/spoergeskema/spoergsmaal"},
            {"/bestillinger/{orderId}/spoergeskema/spoergsmaal/{key}", o + "/spoergeskema/spoergsmaal/" + key},
            {
                "/bestillinger/{orderId}/spoergeskema/spoergsmaal/{key}/fjern",
                o + "/spoergeskema/spoergsmaal/" + key + "/fjern"
            },
            {
                "/bestillinger/{orderId}/spoergeskema/spoergsmaal/{key}/flyt",
                o + "/spoergeskema/spoergsmaal/" + key + "/flyt"
            },
            {"/bestillinger/{orderId}/spoergeskema/frys", o + "/spoergeskema/frys"},
            {"/bestillinger/{orderId}/spoergeskema/ny-version", o + "/spoergeskema/ny-version"},
            {"/bestillinger/{orderId}/spoergeskema/send", o + "/spoergeskema/send"},
            {"/bestillinger/{orderId}/spoergeskema/paamind", o + "/spoergeskema/paamind"},
            {"/bestillinger/{orderId}/spoergeskema/luk", o + "/spoergeskema/luk"},
            {"/bestillinger/{orderId}/spoergeskema/genaabn", o + "/spoergeskema/genaabn"},
        }) {
            list.add(new Endpoint(e[0], "POST", e[1], notManagers));
        }
        list.add(new Endpoint("/s/{token}", "GET", "/s/" + "u".repeat(43), everyone(200)));
        list.add(new Endpoint("/svar", "GET", "/svar", everyone(200)));
        list.add(new Endpoint("/svar", "POST", "/svar", everyone(200)));
        list.add(new Endpoint("/svar/tak", "GET", "/svar/tak", everyone(200)));
    }

    static long pkoAudit;

    /**
     * PKO audits: seen by the department's consultant, the unit's practice coordinator and the medical coordinator,
     * written by the consultant only; a consultant of another department, another region's PKO and every non-PKO role
     * get 404. The approver's link needs no sign-in and opens nothing with an unknown token.
     */
    private void pkoAuditEndpoints(List<Endpoint> list) throws Exception {
        if (pkoAudit == 0) {
            pkoAudit = dk.samspil.pko.audit.AuditAccessFixture.plannedAudit(mvc, users, jdbc);
        }
        String otherDepartment = dk.samspil.pko.audit.AuditAccessFixture.OTHER_DEPARTMENT;
        String otherRegion = dk.samspil.pko.audit.AuditAccessFixture.OTHER_REGION;
        Map<String, Integer> pkoPeople = onlyFor("pko", "pkokoordinator", "pkolaege", otherDepartment, otherRegion);
        // pkonord is a consultant of Region Nordjylland: their own region's audit list and planning form (with nothing
        // of Midtjylland's in them); every Midtjylland audit below is 404 for them.
        pkoPeople.put("pkonord", 200);
        pkoPeople.put("pkokommune", 200); // a consultant of Midtjylland: the list, without the department's audits
        list.add(new Endpoint("/pko/audit", "GET", "/pko/audit", pkoPeople));
        Map<String, Integer> consultants = onlyFor("pko", otherDepartment);
        consultants.put(otherRegion, 404);
        consultants.put("pkonord", 200);
        consultants.put("pkokommune", 200);
        list.add(new Endpoint("/pko/audit/ny", "GET", "/pko/audit/ny", consultants));
        list.add(new Endpoint("/pko/audit", "POST", "/pko/audit", consultants)); // no fields: errors, nothing saved
        String a = "/pko/audit/" + pkoAudit;
        Map<String, Integer> seeing = onlyFor("pko", "pkokoordinator", "pkolaege");
        seeing.put(otherDepartment, 404);
        seeing.put(otherRegion, 404);
        list.add(new Endpoint("/pko/audit/{id}", "GET", a, seeing));
        list.add(new Endpoint("/pko/audit/{id}/rapport", "GET", a + "/rapport", seeing));
        Map<String, Integer> writer = new LinkedHashMap<>(seeing);
        writer.replaceAll((user, status) -> status == 200 ? 404 : status);
        writer.put("pko", 200);
        list.add(new Endpoint("/pko/audit/{id}/godkendelsesbrev", "GET", a + "/godkendelsesbrev", writer));
        // Not there yet (no letter, no case, not completed): 404 for everyone signed in.
        Map<String, Integer> nobody = new LinkedHashMap<>(writer);
        nobody.replaceAll((user, status) -> status == 200 ? 404 : status);
        list.add(new Endpoint("/pko/audit/{id}/godkendelsesbrev/fil", "GET", a + "/godkendelsesbrev/fil", nobody));
        list.add(new Endpoint("/pko/audit/{id}/rapport.docx", "GET", a + "/rapport.docx", nobody));
        list.add(new Endpoint("/pko/audit/{id}/sager/{caseId}", "GET", a + "/sager/999999999", nobody));
        // Writes: only the refusals here (the consultant's steps are exercised in AuditFlowTests).
        Map<String, Integer> notWriters = new LinkedHashMap<>(writer);
        notWriters.remove("pko");
        for (String[] e : new String[][] {
            {"/pko/audit/{id}/kriterier", a + "/kriterier"},
            {"/pko/audit/{id}/kriterier/{criterionId}", a + "/kriterier/999999999"},
            {"/pko/audit/{id}/kriterier/{criterionId}/slet", a + "/kriterier/999999999/slet"},
            {"/pko/audit/{id}/anmodning", a + "/anmodning"},
            {"/pko/audit/{id}/godkendelsesbrev", a + "/godkendelsesbrev"},
            {"/pko/audit/{id}/sager", a + "/sager"},
            {"/pko/audit/{id}/sager/{caseId}", a + "/sager/999999999"},
            {"/pko/audit/{id}/sager/{caseId}/slet", a + "/sager/999999999/slet"},
            {"/pko/audit/{id}/afslut", a + "/afslut"},
        }) {
            list.add(new Endpoint(e[0], "POST", e[1], notWriters));
        }
        Map<String, Integer> unknownLink = everyone(404);
        unknownLink.put(otherDepartment, 404);
        unknownLink.put(otherRegion, 404);
        String link = "/audit-godkendelse/" + pkoAudit + "/" + "x".repeat(43);
        list.add(new Endpoint("/audit-godkendelse/{auditId}/{token}", "GET", link, unknownLink));
        list.add(new Endpoint("/audit-godkendelse/{auditId}/{token}", "POST", link, unknownLink));
        list.add(new Endpoint("/audit-godkendelse/besvaret", "GET", "/audit-godkendelse/besvaret", everyone(200)));
        // A member's personal link to a referat: an unknown one opens nothing, signed in or not.
        list.add(new Endpoint("/referat/{token}", "GET", "/referat/" + "y".repeat(43), unknownLink));
    }

    @Test
    void everyUserGetsTheRightAnswerFromEveryEndpoint() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (Map.Entry<String, Integer> expectation : endpoint.expected().entrySet()) {
                MvcResult result =
                        mvc.perform(request(endpoint, expectation.getKey())).andReturn();
                int status = result.getResponse().getStatus();
                boolean ok = status == expectation.getValue();
                if (ok && status == LOGIN && expectation.getKey().equals(ANONYMOUS)) {
                    ok = String.valueOf(result.getResponse().getRedirectedUrl()).endsWith("/login");
                }
                if (!ok) {
                    wrong.add(endpoint.method() + " " + endpoint.path() + " as " + expectation.getKey() + ": expected "
                            + expectation.getValue() + " got " + status);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyEndpointOfTheApplicationIsInTheTable() throws Exception {
        Set<String> tested = new TreeSet<>();
        endpoints().forEach(e -> tested.add(e.method() + " " + e.pattern()));
        Set<String> missing = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (!method.getBeanType().getPackageName().startsWith("dk.samspil")) {
                return;
            }
            Set<String> methods = info.getMethodsCondition().getMethods().isEmpty()
                    ? Set.of("GET")
                    : info.getMethodsCondition().getMethods().stream()
                            .map(Enum::name)
                            .collect(java.util.stream.Collectors.toSet());
            for (String pattern : info.getPatternValues()) {
                for (String m : methods) {
                    if (!tested.contains(m + " " + pattern)) {
                        missing.add(m + " " + pattern);
                    }
                }
            }
        });
        assertThat(missing).as("endpoints without an access test").isEmpty();
    }

    @Test
    void aRefusedPageSaysSoInDanishAndNothingElse() throws Exception {
        // Over real HTTP: the servlet container renders the error page (MockMvc does not).
        dk.samspil.WebClient client = new dk.samspil.WebClient("http://localhost:" + port);
        client.login("kommune2", "samspil");
        var response = client.get("/bestillinger/" + order + "/spoergeskema");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Siden findes ikke").doesNotContain("??", "Not Found");
    }

    @Test
    void formsWithoutCsrfTokenAreRefused() throws Exception {
        int status = mvc.perform(post("/klynger/" + demo + "/praksis")
                        .with(users.as("koordinator"))
                        .param("ydernummer", "999991")
                        .param("name", "Uden token")
                        .param("listedPatients", "10"))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(status).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM practice WHERE ydernummer = '999991'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void anotherClustersCoordinatorCannotDeleteAndIsAudited() throws Exception {
        mvc.perform(post("/klynger/" + demo + "/praksis/" + practice + "/slet")
                .with(users.as("koordinator2"))
                .with(csrf()));
        assertThat(jdbc.sql("SELECT count(*) FROM practice WHERE id = ?")
                        .param(practice)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM audit_log WHERE username = 'koordinator2' AND action = 'ACCESS_REFUSED'")
                        .query(Integer.class)
                        .single())
                .isPositive();
    }

    private MockHttpServletRequestBuilder request(Endpoint endpoint, String user) {
        MockHttpServletRequestBuilder request = "POST".equals(endpoint.method())
                ? post(endpoint.path())
                        .with(csrf())
                        .param("name", "")
                        .param("ydernummer", "")
                        .param("packageSlug", "akutfunktioner")
                : get(endpoint.path());
        if (!ANONYMOUS.equals(user)) {
            request.with(users.as(user));
        }
        return request;
    }

    private static String pattern(String path) {
        return path;
    }

    /** Read pages of an order: those who see it, and a member (with an account) of its cluster. */
    private static Map<String, Integer> reading(Map<String, Integer> seeing) {
        Map<String, Integer> map = new LinkedHashMap<>(seeing);
        map.put("medlem", 200);
        return map;
    }

    private static Map<String, Integer> everyone(int status) {
        Map<String, Integer> map = new LinkedHashMap<>();
        map.put(ANONYMOUS, status);
        Stream.of(DemoUsers.ALL).forEach(user -> map.put(user, status));
        return map;
    }

    /** Cluster pages: the owner coordinator, the administrator, another cluster's coordinator, everyone else. */
    private static Map<String, Integer> roles(int owner, int admin, int otherCoordinator, int others) {
        Map<String, Integer> map = everyone(others);
        map.put(ANONYMOUS, LOGIN);
        map.put("koordinator", owner);
        map.put("admin", admin);
        map.put("koordinator2", otherCoordinator);
        return map;
    }

    private static Map<String, Integer> refusedOnly(int otherCoordinator, int others) {
        Map<String, Integer> map = roles(0, 0, otherCoordinator, others);
        map.remove("koordinator");
        map.remove("admin");
        return map;
    }

    /** 200 for these users, 404 for every other signed-in user, the sign-in page for anonymous. */
    private static Map<String, Integer> onlyFor(String... users) {
        Map<String, Integer> map = everyone(404);
        map.put(ANONYMOUS, LOGIN);
        Stream.of(users).forEach(user -> map.put(user, 200));
        return map;
    }

    private static Map<String, Integer> adminOnly() {
        Map<String, Integer> map = everyone(403);
        map.put(ANONYMOUS, LOGIN);
        map.put("admin", 200);
        return map;
    }

    /**
     * Newsletter requests (publishing): written by the scheme's consultants and coordinators, each seeing only their
     * own; read by a person asked to approve it; the editors' desk only for the editors (403 for everyone else); the
     * subscription, approval-link and news pages public, an unknown link or an unpublished newsletter 404.
     */
    private void publishingEndpoints(List<Endpoint> list) {
        var ids = dk.samspil.publishing.PublishingAccessFixture.atDesk(jdbc);
        String r = "/nyhedsmails/" + ids.request();
        list.add(new Endpoint(
                "/nyhedsmails",
                "GET",
                "/nyhedsmails",
                onlyFor("pko", "pkokoordinator", "pkolaege", "pkonord", "pkokommune")));
        Map<String, Integer> writers = onlyFor("pko", "pkokoordinator", "pkonord", "pkokommune");
        list.add(new Endpoint("/nyhedsmails/ny", "GET", "/nyhedsmails/ny", writers));
        list.add(new Endpoint(
                "/nyhedsmails/invitationer",
                "POST",
                "/nyhedsmails/invitationer",
                refusedExcept("pko", "pkokoordinator", "pkonord", "pkokommune")));
        list.add(new Endpoint("/nyhedsmails", "POST", "/nyhedsmails", writers)); // no fields: errors, nothing saved
        list.add(new Endpoint("/nyhedsmails/{id}", "GET", r, onlyFor("pko", "pkolaege")));
        Map<String, Integer> notAuthor = refusedExcept("pko");
        Map<String, Integer> sentBack = new LinkedHashMap<>(notAuthor);
        sentBack.put("pko", 302); // at the desk: not editable, back to its page with the reason
        list.add(new Endpoint("/nyhedsmails/{id}/rediger", "GET", r + "/rediger", sentBack));
        for (String[] e : new String[][] {
            {"/nyhedsmails/{id}/rediger", r + "/rediger"},
            {"/nyhedsmails/{id}/godkendelse", r + "/godkendelse"},
            {"/nyhedsmails/{id}/indsend", r + "/indsend"},
            {"/nyhedsmails/{id}/spoergsmaal/{questionId}/svar", r + "/spoergsmaal/" + ids.question() + "/svar"},
        }) {
            list.add(new Endpoint(e[0], "POST", e[1], notAuthor));
        }
        list.add(new Endpoint(
                "/nyhedsmails/{id}/kvalitetstjek/{checkId}",
                "POST",
                r + "/kvalitetstjek/" + ids.check(),
                refusedExcept("pkolaege"))); // no verdict: the reason at the form, nothing saved
        // The coordinator of a hospital unit compiles its PKOrientering; without the quarter shown nothing is made.
        list.add(new Endpoint(
                "/nyhedsmails/pkorientering", "GET", "/nyhedsmails/pkorientering", onlyFor("pkokoordinator")));
        list.add(new Endpoint(
                "/nyhedsmails/pkorientering", "POST", "/nyhedsmails/pkorientering", refusedExcept("pkokoordinator")));
        // Only a contribution waiting for the coordinator's own unit goes back to its author: this request at the
        // editors' desk is none, so 404 for everyone, the coordinator included (the allowed case in
        // PkOrienteringTests).
        list.add(new Endpoint(
                "/nyhedsmails/pkorientering/{id}/tilbage",
                "POST",
                "/nyhedsmails/pkorientering/" + ids.request() + "/tilbage",
                refusedExcept()));
        list.add(new Endpoint(
                "/nyhedsmails/{id}/godkendelser/{approvalId}",
                "POST",
                r + "/godkendelser/" + ids.approval(),
                refusedExcept("pko", "pkolaege")));
        Map<String, Integer> editors = everyone(403);
        editors.put(ANONYMOUS, LOGIN);
        editors.put("redaktoer", 200);
        list.add(new Endpoint("/redaktion", "GET", "/redaktion", editors));
        list.add(new Endpoint("/redaktion/{id}", "GET", "/redaktion/" + ids.request(), editors));
        Map<String, Integer> notEditors = new LinkedHashMap<>(editors);
        notEditors.remove("redaktoer");
        for (String action : List.of("spoergsmaal", "kvalitetstjek", "planlaeg", "send")) {
            list.add(new Endpoint(
                    "/redaktion/{id}/" + action, "POST", "/redaktion/" + ids.request() + "/" + action, notEditors));
        }
        list.add(new Endpoint("/nyhedsmail/tilmeld", "GET", "/nyhedsmail/tilmeld", everyone(200)));
        list.add(new Endpoint("/nyhedsmail/tilmeld", "POST", "/nyhedsmail/tilmeld", everyone(200))); // errors only
        String unknown = "z".repeat(43);
        for (String pattern : List.of("/nyhedsmail/bekraeft/{token}", "/nyhedsmail/afmeld/{token}")) {
            String path = pattern.replace("{token}", unknown);
            list.add(new Endpoint(pattern, "GET", path, everyone(404)));
            list.add(new Endpoint(pattern, "POST", path, everyone(404)));
        }
        list.add(new Endpoint("/nyhedsmail-skriv/{token}", "GET", "/nyhedsmail-skriv/" + unknown, everyone(404)));
        list.add(new Endpoint("/nyhedsmail-skriv/{token}", "POST", "/nyhedsmail-skriv/" + unknown, everyone(404)));
        String link = "/nyhedsmail-godkendelse/" + ids.approval() + "/" + unknown;
        list.add(new Endpoint("/nyhedsmail-godkendelse/{approvalId}/{token}", "GET", link, everyone(404)));
        list.add(new Endpoint("/nyhedsmail-godkendelse/{approvalId}/{token}", "POST", link, everyone(404)));
        list.add(new Endpoint(
                "/nyhedsmail-godkendelse/besvaret", "GET", "/nyhedsmail-godkendelse/besvaret", everyone(200)));
        list.add(new Endpoint("/nyheder", "GET", "/nyheder", everyone(200)));
        list.add(new Endpoint("/nyheder/{id}", "GET", "/nyheder/" + ids.request(), everyone(404)));
    }

    /**
     * Care pathways (publishing): read and written by the scheme's people of the pathway's region (another region's
     * consultant and everyone else 404); the approval and author links public, an unknown link 404; the public page of
     * a region open to all, an unpublished pathway 404.
     */
    private void pathwayEndpoints(List<Endpoint> list) {
        var ids = dk.samspil.publishing.PathwayAccessFixture.draft(jdbc);
        String p = "/forloebsbeskrivelser/" + ids.pathway();
        Map<String, Integer> scheme = onlyFor("pko", "pkokoordinator", "pkolaege", "pkonord", "pkokommune");
        list.add(new Endpoint("/forloebsbeskrivelser", "GET", "/forloebsbeskrivelser", scheme));
        list.add(new Endpoint("/forloebsbeskrivelser/ny", "GET", "/forloebsbeskrivelser/ny", scheme));
        list.add(new Endpoint("/forloebsbeskrivelser", "POST", "/forloebsbeskrivelser", scheme)); // errors only
        // The draft is Region Midtjylland's: its PKO people (pkokommune among them) see it, pkonord does not.
        Map<String, Integer> region = onlyFor("pko", "pkokoordinator", "pkolaege", "pkokommune");
        list.add(new Endpoint("/forloebsbeskrivelser/{id}", "GET", p, region));
        list.add(new Endpoint("/forloebsbeskrivelser/{id}/rediger", "GET", p + "/rediger", region));
        list.add(new Endpoint("/forloebsbeskrivelser/{id}/rediger", "POST", p + "/rediger", region)); // errors only
        list.add(new Endpoint("/forloebsbeskrivelser/{id}/sammenlign", "GET", p + "/sammenlign", region));
        Map<String, Integer> regionRefused = onlyFor();
        for (String user : List.of("pko", "pkokoordinator", "pkolaege", "pkokommune")) {
            regionRefused.put(user, 302); // no fields: back to the page with the reason, nothing changed
        }
        for (String[] e : new String[][] {
            {"/forloebsbeskrivelser/{id}/godkendelse", p + "/godkendelse"},
            {"/forloebsbeskrivelser/{id}/godkendelser/{approvalId}", p + "/godkendelser/" + ids.approval()},
            {"/forloebsbeskrivelser/{id}/redaktion", p + "/redaktion"},
            {"/forloebsbeskrivelser/{id}/forfattere", p + "/forfattere"},
            {"/forloebsbeskrivelser/{id}/ejer", p + "/ejer"},
        }) {
            list.add(new Endpoint(e[0], "POST", e[1], regionRefused));
        }
        String unknown = "z".repeat(43);
        String link = "/forloeb-godkendelse/" + ids.approval() + "/" + unknown;
        list.add(new Endpoint("/forloeb-godkendelse/{approvalId}/{token}", "GET", link, everyone(404)));
        list.add(new Endpoint("/forloeb-godkendelse/{approvalId}/{token}", "POST", link, everyone(404)));
        list.add(new Endpoint("/forloeb-forfatter/{token}", "GET", "/forloeb-forfatter/" + unknown, everyone(404)));
        list.add(new Endpoint("/forloeb-forfatter/{token}", "POST", "/forloeb-forfatter/" + unknown, everyone(404)));
        list.add(new Endpoint("/forloeb/{region}", "GET", "/forloeb/1082", everyone(200)));
        list.add(new Endpoint("/forloeb/{region}/{id}", "GET", "/forloeb/1082/" + ids.pathway(), everyone(404)));
    }
}
