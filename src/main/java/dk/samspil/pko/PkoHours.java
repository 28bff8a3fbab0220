package dk.samspil.pko;

import dk.samspil.directory.Directory;
import dk.samspil.directory.RegisterNames;
import dk.samspil.security.People;
import dk.samspil.security.People.Contact;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Collator;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Contracts, the hours registered on them, extra-hours requests and the approved periods. */
@Repository
class PkoHours {

    static final String CONTRACT_SELECT = """
            SELECT c.id, c.person_id, p.name AS person_name, p.region_code, c.attachment_id,
                   c.payer_unit_id, c.payer_municipality_code, c.payer_body_id,
                   b.name AS body_name, c.starts_on, c.ends_on, c.payment, c.fixed_hours_per_year
            FROM pko_contract c JOIN pko_person p ON p.id = c.person_id
                 LEFT JOIN pko_partner_body b ON b.id = c.payer_body_id
            """;

    record Entry(long id, long contractId, LocalDate workedOn, TaskKind taskKind, BigDecimal hours, String note) {}

    record ExtraRequest(
            long id,
            long contractId,
            YearMonth month,
            BigDecimal hours,
            String reason,
            String status,
            String decidedBy) {}

    private final JdbcClient jdbc;
    private final PkoRegisters registers;
    private final Directory directory;
    private final People people;

    PkoHours(JdbcClient jdbc, PkoRegisters registers, Directory directory, People people) {
        this.jdbc = jdbc;
        this.registers = registers;
        this.directory = directory;
        this.people = people;
    }

    // --- contracts ---

    long createContract(
            long personId,
            Long attachmentId,
            String payerKey,
            LocalDate startsOn,
            LocalDate endsOn,
            String payment,
            BigDecimal fixedHours) {
        Long unit = payerKey.startsWith("H:") ? Long.valueOf(payerKey.substring(2)) : null;
        String municipality = payerKey.startsWith("M:") ? payerKey.substring(2) : null;
        Long body = payerKey.startsWith("K:") ? Long.valueOf(payerKey.substring(2)) : null;
        return jdbc.sql("""
                        INSERT INTO pko_contract (person_id, attachment_id, payer_unit_id, payer_municipality_code,
                                                  payer_body_id, starts_on, ends_on, payment, fixed_hours_per_year)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(
                        personId,
                        attachmentId,
                        unit,
                        municipality,
                        body,
                        startsOn,
                        endsOn,
                        payment,
                        "FIXED".equals(payment) ? fixedHours : null)
                .query(Long.class)
                .single();
    }

    Optional<Contract> contract(long id) {
        RegisterNames names = directory.names();
        return jdbc.sql(CONTRACT_SELECT + " WHERE c.id = ?")
                .param(id)
                .query((rs, n) -> mapContract(rs, names))
                .optional();
    }

    List<Contract> contractsOf(long personId) {
        RegisterNames names = directory.names();
        return jdbc.sql(CONTRACT_SELECT + " WHERE c.person_id = ? ORDER BY c.starts_on DESC, c.id")
                .param(personId)
                .query((rs, n) -> mapContract(rs, names))
                .list();
    }

    /** Every contract of the region (every region's for null). */
    List<Contract> contracts(String regionCode) {
        RegisterNames names = directory.names();
        Collator danish = Collator.getInstance(Locale.forLanguageTag("da-DK"));
        return jdbc
                .sql(CONTRACT_SELECT + " WHERE CAST(? AS TEXT) IS NULL OR p.region_code = ? ORDER BY p.name, c.id")
                .params(regionCode, regionCode)
                .query((rs, n) -> mapContract(rs, names))
                .list()
                .stream()
                // Stable: within a payer, the people's names as the database sorted them.
                .sorted(Comparator.comparing(Contract::payerName, Comparator.nullsLast(danish::compare)))
                .toList();
    }

    // --- hours ---

    List<Entry> entries(long personId, YearMonth month) {
        return jdbc.sql("""
                        SELECT e.id, e.contract_id, e.worked_on, e.task_kind, e.hours, e.note
                        FROM pko_hours e JOIN pko_contract c ON c.id = e.contract_id
                        WHERE c.person_id = ? AND e.worked_on BETWEEN ? AND ? ORDER BY e.worked_on DESC, e.id DESC""")
                .params(personId, month.atDay(1), month.atEndOfMonth())
                .query(PkoHours::entry)
                .list();
    }

    Optional<Entry> entry(long id) {
        return jdbc.sql("SELECT id, contract_id, worked_on, task_kind, hours, note FROM pko_hours WHERE id = ?")
                .param(id)
                .query(PkoHours::entry)
                .optional();
    }

    long addEntry(long contractId, LocalDate day, TaskKind kind, BigDecimal hours, String note) {
        return jdbc.sql("""
                        INSERT INTO pko_hours (contract_id, worked_on, task_kind, hours, note) VALUES (?, ?, ?, ?, ?)
                        RETURNING id""")
                .params(contractId, day, kind.name(), hours, PkoRegisters.blank(note))
                .query(Long.class)
                .single();
    }

    void updateEntry(long id, long contractId, LocalDate day, TaskKind kind, BigDecimal hours, String note) {
        jdbc.sql("UPDATE pko_hours SET contract_id = ?, worked_on = ?, task_kind = ?, hours = ?, note = ? WHERE id = ?")
                .params(contractId, day, kind.name(), hours, PkoRegisters.blank(note), id)
                .update();
    }

    void deleteEntry(long id) {
        jdbc.sql("DELETE FROM pko_hours WHERE id = ?").param(id).update();
    }

    BigDecimal used(long contractId, YearMonth month) {
        return jdbc.sql(
                        "SELECT coalesce(sum(hours), 0) FROM pko_hours WHERE contract_id = ? AND worked_on BETWEEN ? AND ?")
                .params(contractId, month.atDay(1), month.atEndOfMonth())
                .query(BigDecimal.class)
                .single()
                .setScale(2);
    }

    // --- extra hours ---

    long requestExtra(long contractId, YearMonth month, BigDecimal hours, String reason) {
        return jdbc.sql(
                        "INSERT INTO pko_extra_hours (contract_id, period_month, hours, reason) VALUES (?, ?, ?, ?) RETURNING id")
                .params(contractId, month.atDay(1), hours, reason.strip())
                .query(Long.class)
                .single();
    }

    List<ExtraRequest> extras(long contractId) {
        return jdbc.sql("""
                        SELECT x.id, x.contract_id, x.period_month, x.hours, x.reason, x.status, x.decided_by
                        FROM pko_extra_hours x
                        WHERE x.contract_id = ? ORDER BY x.period_month DESC, x.id DESC""").param(contractId).query(PkoHours::extra).list().stream()
                .map(this::withDecider)
                .toList();
    }

    Optional<ExtraRequest> extra(long id) {
        return jdbc.sql("""
                        SELECT x.id, x.contract_id, x.period_month, x.hours, x.reason, x.status, x.decided_by
                        FROM pko_extra_hours x WHERE x.id = ?""").param(id).query(PkoHours::extra).optional().map(this::withDecider);
    }

    /** Records the payer's decision once: a request already decided stays as it is. */
    boolean decideExtra(long id, boolean approve, long userId) {
        return jdbc.sql("""
                        UPDATE pko_extra_hours SET status = ?, decided_by = ?, decided_at = now()
                        WHERE id = ? AND status = 'REQUESTED'""")
                        .params(approve ? "APPROVED" : "REFUSED", userId, id)
                        .update()
                == 1;
    }

    BigDecimal approvedExtra(long contractId, YearMonth month) {
        return jdbc.sql("""
                        SELECT coalesce(sum(hours), 0) FROM pko_extra_hours
                        WHERE contract_id = ? AND period_month = ? AND status = 'APPROVED'""")
                .params(contractId, month.atDay(1))
                .query(BigDecimal.class)
                .single()
                .setScale(2);
    }

    // --- periods ---

    record PeriodState(boolean consultantApproved, boolean payerApproved) {}

    PeriodState period(long contractId, YearMonth month) {
        return jdbc.sql(
                        "SELECT payer_approved_at IS NOT NULL FROM pko_period WHERE contract_id = ? AND period_month = ?")
                .params(contractId, month.atDay(1))
                .query(Boolean.class)
                .optional()
                .map(payer -> new PeriodState(true, payer))
                .orElse(new PeriodState(false, false));
    }

    boolean approveByConsultant(long contractId, YearMonth month) {
        return jdbc.sql("""
                        INSERT INTO pko_period (contract_id, period_month, consultant_approved_at) VALUES (?, ?, now())
                        ON CONFLICT DO NOTHING""").params(contractId, month.atDay(1)).update() == 1;
    }

    boolean approveByPayer(long contractId, YearMonth month, long userId) {
        return jdbc.sql("""
                        UPDATE pko_period SET payer_approved_at = now(), payer_approved_by = ?
                        WHERE contract_id = ? AND period_month = ? AND payer_approved_at IS NULL""").params(userId, contractId, month.atDay(1)).update() == 1;
    }

    PeriodLine line(Contract contract, YearMonth month) {
        PeriodState state = period(contract.id(), month);
        return PeriodLine.of(
                contract,
                month,
                used(contract.id(), month),
                approvedExtra(contract.id(), month),
                state.consultantApproved(),
                state.payerApproved());
    }

    /** The contract's twelve months of the year. */
    List<PeriodLine> year(Contract contract, int year) {
        List<PeriodLine> lines = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            lines.add(line(contract, YearMonth.of(year, m)));
        }
        return lines;
    }

    private Contract mapContract(ResultSet rs, RegisterNames names) throws SQLException {
        Long attachmentId = rs.getObject("attachment_id", Long.class);
        String label = attachmentId == null
                ? null
                : registers
                        .attachment(attachmentId, names)
                        .map(Attachment::label)
                        .orElse(null);
        return new Contract(
                rs.getLong("id"),
                rs.getLong("person_id"),
                rs.getString("person_name"),
                rs.getString("region_code"),
                attachmentId,
                label,
                rs.getObject("payer_unit_id", Long.class),
                rs.getString("payer_municipality_code"),
                rs.getObject("payer_body_id", Long.class),
                payerName(rs, names),
                rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class),
                rs.getString("payment"),
                rs.getBigDecimal("fixed_hours_per_year"));
    }

    private static String payerName(ResultSet rs, RegisterNames names) throws SQLException {
        Long unit = rs.getObject("payer_unit_id", Long.class);
        if (unit != null) {
            return names.hospitalUnit(unit);
        }
        String municipality = rs.getString("payer_municipality_code");
        return municipality != null ? names.municipality(municipality) : rs.getString("body_name");
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        return new Entry(
                rs.getLong(1),
                rs.getLong(2),
                rs.getObject(3, LocalDate.class),
                TaskKind.valueOf(rs.getString(4)),
                rs.getBigDecimal(5),
                rs.getString(6));
    }

    /** The request with its decider's name instead of their user id (read as text). */
    private ExtraRequest withDecider(ExtraRequest x) {
        if (x.decidedBy() == null) {
            return x;
        }
        long userId = Long.parseLong(x.decidedBy());
        Contact decider = people.contacts(List.of(userId)).get(userId);
        return new ExtraRequest(
                x.id(),
                x.contractId(),
                x.month(),
                x.hours(),
                x.reason(),
                x.status(),
                decider == null ? null : decider.name());
    }

    private static ExtraRequest extra(ResultSet rs, int row) throws SQLException {
        return new ExtraRequest(
                rs.getLong(1),
                rs.getLong(2),
                YearMonth.from(rs.getObject(3, LocalDate.class)),
                rs.getBigDecimal(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7));
    }
}
