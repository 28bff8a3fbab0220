package dk.samspil;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A module owns its tables: only its own SQL names them; other modules use its public API or its events. The
 * owners are listed here, in one place; a statement in one module that names another's table fails the build.
 */
class SqlOwnershipTests {

    /** Every table of the schema and the module that owns it. */
    static final Map<String, Set<String>> OWNERS = Map.ofEntries(
            Map.entry(
                    "catalog",
                    Set.of(
                            "catalog_package",
                            "catalog_package_attachment",
                            "catalog_package_draft",
                            "catalog_package_version")),
            Map.entry("deck", Set.of("deck_municipal_talk")),
            Map.entry("documents", Set.of("order_document_link", "order_document_pdf")),
            Map.entry(
                    "directory",
                    Set.of(
                            "cluster",
                            "hospital_unit",
                            "hospital_unit_catchment",
                            "member",
                            "municipality",
                            "practice",
                            "provider",
                            "region")),
            Map.entry("mail", Set.of("mail_attachment", "mail_outbox")),
            Map.entry(
                    "meeting",
                    Set.of(
                            "meeting",
                            "meeting_agreement",
                            "meeting_agreement_history",
                            "meeting_attendee",
                            "meeting_block",
                            "meeting_minutes_link",
                            "meeting_parking_item")),
            Map.entry(
                    "ordering",
                    Set.of(
                            "package_order",
                            "order_change",
                            "order_elective_topic",
                            "order_first_contact",
                            "order_municipality",
                            "order_participant",
                            "order_pre_meeting",
                            "order_status_change",
                            "order_task",
                            "calendar_feed")),
            Map.entry(
                    "pko",
                    Set.of(
                            "pko_attachment",
                            "pko_audit",
                            "pko_audit_approval_link",
                            "pko_audit_assessment",
                            "pko_audit_case",
                            "pko_audit_criterion",
                            "pko_audit_default_criterion",
                            "pko_audit_letter",
                            "pko_audit_result",
                            "pko_collaboration_invitee",
                            "pko_collaboration_meeting",
                            "pko_contract",
                            "pko_department",
                            "pko_extra_hours",
                            "pko_hours",
                            "pko_km_count",
                            "pko_km_review",
                            "pko_manege_actor",
                            "pko_manege_case",
                            "pko_manege_contribution",
                            "pko_manege_point",
                            "pko_evening_attendance",
                            "pko_evening_grant",
                            "pko_evening_meeting",
                            "pko_evening_signup",
                            "pko_evening_task",
                            "pko_meeting",
                            "pko_talk_wish",
                            "pko_onboarding_tick",
                            "pko_partner_body",
                            "pko_period",
                            "pko_person",
                            "pko_unit",
                            "pko_working_agreement")),
            Map.entry("office", Set.of("document_version")),
            Map.entry("platform", Set.of("scheduled_tasks", "event_publication")),
            Map.entry(
                    "publishing",
                    Set.of(
                            "publishing_approval",
                            "publishing_approver",
                            "publishing_pathway",
                            "publishing_pathway_approval",
                            "publishing_pathway_approver",
                            "publishing_pathway_author",
                            "publishing_pathway_guard",
                            "publishing_pathway_version",
                            "publishing_invitation",
                            "publishing_contribution_return",
                            "publishing_issue",
                            "publishing_quality_check",
                            "publishing_question",
                            "publishing_request",
                            "publishing_request_municipality",
                            "publishing_signup",
                            "publishing_subscriber",
                            "publishing_unsubscribe_link")),
            Map.entry(
                    "security",
                    Set.of(
                            "app_user",
                            "audit_log",
                            "password_reset",
                            "user_invitation",
                            "work_identity",
                            "spring_session",
                            "spring_session_attributes")),
            Map.entry(
                    "servicedata",
                    Set.of(
                            "register_import",
                            "register_pending_import",
                            "register_practice_period",
                            "register_service_count",
                            "register_service_month",
                            "municipal_dosis",
                            "municipal_referral",
                            "municipal_referral_upload",
                            "order_pseudonym")),
            Map.entry(
                    "survey",
                    Set.of(
                            "survey",
                            "survey_answer",
                            "survey_answer_pending",
                            "survey_draft",
                            "survey_invitation",
                            "survey_key_check",
                            "survey_link_guard",
                            "survey_proposal",
                            "survey_reminder",
                            "survey_response_mark",
                            "survey_version")));

    private static final Path SOURCES = Path.of("src/main/java/dk/samspil");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Pattern LITERAL =
            Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
    private static final Pattern TABLE_USE = Pattern.compile("\\b(?:FROM|JOIN|INTO|UPDATE)\\s+([a-z_]+)\\b");
    private static final Pattern CREATED = Pattern.compile("(?i)CREATE TABLE (?:IF NOT EXISTS )?([a-z_]+)");
    private static final Pattern DROPPED = Pattern.compile("(?i)DROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(\\w+)");

    @Test
    void everyTableOfTheSchemaHasOneOwner() throws IOException {
        Set<String> created = new TreeSet<>();
        Set<String> dropped = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.toList()) {
                String sql = Files.readString(file);
                Matcher matcher = CREATED.matcher(sql);
                while (matcher.find()) {
                    created.add(matcher.group(1).toLowerCase());
                }
                Matcher drops = DROPPED.matcher(sql);
                while (drops.find()) {
                    dropped.add(drops.group(1).toLowerCase());
                }
            }
        }
        created.removeAll(dropped); // no table is created again after it is dropped
        Set<String> owned =
                OWNERS.values().stream().flatMap(Set::stream).collect(Collectors.toCollection(TreeSet::new));
        assertThat(owned).as("each table is listed once").hasSize((int)
                OWNERS.values().stream().mapToLong(Set::size).sum());
        assertThat(created)
                .as("tables the migrations create but no module owns here")
                .isSubsetOf(owned);
    }

    @Test
    void aModulesSqlNamesOnlyItsOwnTables() throws IOException {
        Map<String, String> owner = OWNERS.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(table -> Map.entry(table, e.getKey())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Set<String> found = new TreeSet<>();
        Set<String> own = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String relative = SOURCES.relativize(file).toString().replace('\\', '/');
                String module = relative.contains("/") ? relative.substring(0, relative.indexOf('/')) : "";
                Matcher literal = LITERAL.matcher(Files.readString(file));
                while (literal.find()) {
                    String text = literal.group(1) != null ? literal.group(1) : literal.group(2);
                    Matcher use = TABLE_USE.matcher(text);
                    while (use.find()) {
                        String tableOwner = owner.get(use.group(1));
                        String place = relative.replaceFirst("^([a-z]+)/(?:[a-z]+/)*", "$1/") + " " + use.group(1);
                        if (tableOwner != null && !tableOwner.equals(module)) {
                            found.add(place);
                        } else if (tableOwner != null) {
                            own.add(place);
                        }
                    }
                }
            }
        }
        assertThat(found)
                .as("SQL naming another module's table: use the owner's API")
                .isEmpty();
        // The scan itself sees SQL: a module's reads of its own tables are found.
        assertThat(own)
                .contains(
                        "ordering/Orders.java package_order",
                        "directory/Directory.java cluster",
                        "security/People.java app_user",
                        "pko/PkoRegisters.java pko_attachment");
    }
}
