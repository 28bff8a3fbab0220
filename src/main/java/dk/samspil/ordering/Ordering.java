package dk.samspil.ordering;

import dk.samspil.catalog.Catalog;
import dk.samspil.catalog.PackageDefinition;
import dk.samspil.mail.Outbox;
import dk.samspil.ordering.OrderViews.OrderView;
import dk.samspil.ordering.OrderViews.TaskView;
import dk.samspil.platform.RuleViolation;
import dk.samspil.security.Invitations;
import dk.samspil.security.Role;
import dk.samspil.security.SamspilPrincipal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The use cases of an order: place it, call back, send the materials, tick tasks, move the date, cancel, advance. */
@Service
class Ordering {

    static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    private final JdbcClient jdbc;
    private final Orders orders;
    private final Outbox outbox;
    private final OrderMails mails;
    private final Invitations invitations;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final StatusChanges statuses;
    private final OrderProgress progress;

    private final Catalog catalog;

    Ordering(
            JdbcClient jdbc,
            Orders orders,
            Outbox outbox,
            OrderMails mails,
            Invitations invitations,
            ApplicationEventPublisher events,
            Clock clock,
            StatusChanges statuses,
            OrderProgress progress,
            Catalog catalog) {
        this.catalog = catalog;
        this.statuses = statuses;
        this.progress = progress;
        this.jdbc = jdbc;
        this.orders = orders;
        this.outbox = outbox;
        this.mails = mails;
        this.invitations = invitations;
        this.events = events;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(COPENHAGEN));
    }

    LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(COPENHAGEN));
    }

    /** Places a checked order: its timeline, the invitations of the municipal participants and the confirmations. */
    @Transactional
    long place(OrderForm form, PackageDefinition pkg, SamspilPrincipal coordinator) {
        return place(form, pkg, coordinator, null);
    }

    /**
     * The follow-up a year later, in one click: the same package, cluster, municipalities, participants, start time
     * and venue, the meeting a year after the first (or, if that is too soon, the package's lead time from today).
     * Its survey repeats the first one's questions and its practices keep their letters (the modules listen for
     * {@link PackageOrdered} with {@code followsOrderId}).
     */
    @Transactional
    long placeFollowUp(OrderView original, PackageDefinition pkg, SamspilPrincipal coordinator) {
        if (jdbc.sql("SELECT count(*) FROM package_order WHERE follows_order_id = ?")
                        .param(original.id())
                        .query(Integer.class)
                        .single()
                > 0) {
            throw new RuleViolation("order.followUp.exists");
        }
        OrderForm form = new OrderForm();
        form.setPackageSlug(pkg.slug());
        LocalDate earliest = today().plusWeeks(
                        pkg.leadTime() == null ? 8 : pkg.leadTime().weeks())
                .plusWeeks(1);
        LocalDate yearLater = original.meetingDate().plusYears(1);
        form.setMeetingDate(yearLater.isBefore(earliest) ? earliest : yearLater);
        form.setStartTime(original.startTime());
        form.setVenue(original.venue());
        original.municipalities().forEach(m -> form.getMunicipalityCodes().add(m.code()));
        form.setFirstContact(original.firstContact());
        form.setCoordinatorPhone(original.coordinatorPhone());
        form.setCallbackAt(today().plusDays(3).atTime(10, 0));
        form.getParticipants().clear();
        for (OrderViews.ParticipantView participant : original.participants()) {
            OrderForm.ParticipantForm copy = new OrderForm.ParticipantForm();
            copy.setName(participant.name());
            copy.setEmail(participant.email());
            copy.setRole(participant.role());
            copy.setMunicipalityCode(participant.municipalityCode());
            form.getParticipants().add(copy);
        }
        original.electiveTopics().forEach(e -> form.getElectiveTopics().add(e.key()));
        original.electiveTopics().stream()
                .filter(e -> e.freeText() != null)
                .findFirst()
                .ifPresent(e -> form.setElectiveOther(e.freeText()));
        long id = place(form, pkg, coordinator, original.id());
        progress.followUpOrdered(original.id(), coordinator.displayName());
        return id;
    }

    private long place(OrderForm form, PackageDefinition pkg, SamspilPrincipal coordinator, Long followsOrderId) {
        OffsetDateTime callback = form.getCallbackAt().atZone(COPENHAGEN).toOffsetDateTime();
        // The order keeps the package's version of today: what it sends, shows and decks stays as it was ordered.
        int version = catalog.currentVersion(pkg.slug()).orElseThrow();
        long id = jdbc.sql("""
                        INSERT INTO package_order (package_slug, package_version, provider_code, cluster_id,
                            coordinator_user_id, meeting_date, start_time, venue, first_contact, callback_at, status,
                            follows_order_id, coordinator_phone, municipality_contacted_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CASE WHEN ? = 'CLUSTER' THEN now() END) RETURNING id""")
                .params(
                        pkg.slug(),
                        version,
                        pkg.provider(),
                        coordinator.clusterId(),
                        coordinator.id(),
                        form.getMeetingDate(),
                        form.getStartTime(),
                        form.getVenue().trim(),
                        form.getFirstContact(),
                        callback,
                        OrderStatus.RECEIVED.name(),
                        followsOrderId,
                        blankToNull(form.getCoordinatorPhone()),
                        form.getFirstContact())
                .query(Long.class)
                .single();
        for (String code : form.getMunicipalityCodes()) {
            jdbc.sql("INSERT INTO order_municipality (order_id, municipality_code) VALUES (?, ?)")
                    .params(id, code)
                    .update();
        }
        for (String topic : form.getElectiveTopics()) {
            boolean freeText = pkg.electiveTopics().options().stream()
                    .anyMatch(o -> o.key().equals(topic) && o.freeText());
            jdbc.sql("INSERT INTO order_elective_topic (order_id, topic_key, free_text) VALUES (?, ?, ?)")
                    .params(id, topic, freeText ? form.getElectiveOther().trim() : null)
                    .update();
        }
        for (OrderForm.ParticipantForm participant : form.filledParticipants()) {
            String municipality = participant.getMunicipalityCode() == null
                            || participant.getMunicipalityCode().isBlank()
                    ? form.getMunicipalityCodes().get(0)
                    : participant.getMunicipalityCode();
            jdbc.sql(
                            "INSERT INTO order_participant (order_id, name, email, role, municipality_code) VALUES (?, ?, ?, ?, ?)")
                    .params(
                            id,
                            participant.getName().trim(),
                            participant.getEmail().trim(),
                            blankToNull(participant.getRole()),
                            municipality)
                    .update();
        }
        for (Timeline.PlannedTask task : Timeline.plan(today(), callback.toLocalDate(), form.getMeetingDate())) {
            String owner = task.step() == Timeline.Step.FIRST_CONTACT
                    ? form.getFirstContact()
                    : task.owner().name();
            jdbc.sql("INSERT INTO order_task (order_id, step, owner, due_date) VALUES (?, ?, ?, ?)")
                    .params(id, task.step().name(), owner, task.due())
                    .update();
        }
        for (Timeline.PackageTask task : Timeline.packageTasks(pkg.drejebog(), today(), form.getMeetingDate())) {
            jdbc.sql("""
                            INSERT INTO order_task (order_id, step, position, title, owner, due_date)
                            VALUES (?, 'PACKAGE', ?, ?, ?, ?)""")
                    .params(id, task.position(), task.title(), task.owner().name(), task.due())
                    .update();
        }
        OrderView order = orders.find(id).orElseThrow();
        if (order.municipalityContactedAt() != null) {
            inviteParticipants(order); // else when the consultant has made the first contact (municipalityContacted)
        }
        if (order.coordinatorEmail() != null) {
            outbox.enqueue(mails.orderReceived(order, order.coordinatorEmail()));
        }
        orders.emailsOf(order, Party.PROVIDER)
                .forEach(email -> outbox.enqueue(mails.newOrderForProvider(order, email)));
        events.publishEvent(
                new PackageOrdered(id, pkg.slug(), version, order.clusterId(), order.meetingDate(), followsOrderId));
        return id;
    }

    /**
     * Each named municipal participant is told. A new address gets an account without a municipality's rights and a
     * personal link to set its password; an existing account gets a notice and never a password link. The order
     * links a municipal account, so it sees this order (not its municipality's others).
     */
    void inviteParticipants(OrderView order) {
        for (OrderViews.ParticipantView participant : order.participants()) {
            if (participant.invitedAt() != null) {
                continue;
            }
            Invitations.Invited invited = invitations.inviteParticipant(participant.email(), participant.name());
            boolean municipal = invited.role() == Role.MUNICIPALITY;
            invited.token()
                    .ifPresentOrElse(
                            token -> outbox.enqueueSecret(
                                    mails.municipalInvitation(order, participant.email(), participant.name(), token)),
                            () -> outbox.enqueue(mails.participantNotice(
                                    order, participant.email(), participant.name(), municipal)));
            jdbc.sql("UPDATE order_participant SET invited_at = now(), user_id = ? WHERE id = ?")
                    .params(municipal ? invited.userId() : null, participant.id())
                    .update();
        }
    }

    @Transactional
    void recordCallback(
            OrderView order, String note, LocalDate confirmedDate, String firstContact, SamspilPrincipal by) {
        requireTransition(order, OrderStatus.IN_PREPARATION);
        statuses.change(order.id(), order.status(), OrderStatus.IN_PREPARATION, by.displayName(), null);
        jdbc.sql("""
                        UPDATE package_order SET callback_note = ?, callback_done_at = now(), first_contact = ?,
                            consultant_user_id = ? WHERE id = ?""")
                .params(blankToNull(note), firstContact, by.id(), order.id())
                .update();
        if ("CLUSTER".equals(firstContact) && order.municipalityContactedAt() == null) {
            municipalityContacted(order); // the cluster makes the first contact: its invitations go now
        }
        tick(order.id(), Timeline.Step.CALLBACK, by);
        jdbc.sql("UPDATE order_task SET owner = ? WHERE order_id = ? AND step = 'FIRST_CONTACT'")
                .params(firstContact, order.id())
                .update();
        if (confirmedDate != null && !confirmedDate.equals(order.meetingDate())) {
            moveMeeting(orders.find(order.id()).orElseThrow(), confirmedDate);
        }
    }

    /**
     * The first contact with the municipality is made: the municipal participants get their invitations now. Until
     * then they are held, so the municipality does not hear of the meeting from a mail before the consultant calls.
     */
    @Transactional
    void municipalityContacted(OrderView order) {
        if (!order.status().open()) {
            throw new RuleViolation("order.closed");
        }
        int updated = jdbc.sql(
                        "UPDATE package_order SET municipality_contacted_at = now() WHERE id = ? AND municipality_contacted_at IS NULL")
                .param(order.id())
                .update();
        if (updated == 1) {
            inviteParticipants(orders.find(order.id()).orElseThrow());
        }
    }

    @Transactional
    int sendMaterials(OrderView order, PackageDefinition pkg, SamspilPrincipal by) {
        if (!order.status().open()) {
            throw new RuleViolation("order.closed");
        }
        List<String> recipients = new ArrayList<>();
        if (order.coordinatorEmail() != null) {
            recipients.add(order.coordinatorEmail());
        }
        order.participants().forEach(p -> recipients.add(p.email()));
        recipients.stream().distinct().forEach(to -> outbox.enqueue(mails.materials(order, pkg, to)));
        tick(order.id(), Timeline.Step.MATERIALS_MAIL, by);
        return (int) recipients.stream().distinct().count();
    }

    /**
     * Records the first contact with the municipality (seed 004: whether it can take part): who made it, on which day,
     * its answer; the drejebog's step is ticked. Recording it again corrects it.
     */
    @Transactional
    void recordFirstContact(
            OrderView order,
            String madeBy,
            LocalDate madeOn,
            FirstContactAnswer answer,
            String note,
            SamspilPrincipal by) {
        if (madeBy == null || madeBy.isBlank() || madeBy.trim().length() > 200) {
            throw new RuleViolation("order.firstContactStep.madeByRequired");
        }
        if (madeOn == null || madeOn.isAfter(today())) {
            throw new RuleViolation("order.firstContactStep.madeOnInvalid");
        }
        if (answer == null) {
            throw new RuleViolation("order.firstContactStep.answerRequired");
        }
        jdbc.sql("""
                        INSERT INTO order_first_contact (order_id, made_by, made_on, answer, note, recorded_by) VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (order_id) DO UPDATE SET made_by = EXCLUDED.made_by, made_on = EXCLUDED.made_on,
                            answer = EXCLUDED.answer, note = EXCLUDED.note, recorded_by = EXCLUDED.recorded_by, recorded_at = now()""")
                .params(order.id(), madeBy.trim(), madeOn, answer.name(), blankToNull(note), by.displayName())
                .update();
        tick(order.id(), Timeline.Step.FIRST_CONTACT, by);
        if (answer != FirstContactAnswer.DECLINES && order.municipalityContactedAt() == null) {
            municipalityContacted(order); // the municipality has been asked: its participants' invitations go now
        }
    }

    @Transactional
    void tickTask(OrderView order, TaskView task, SamspilPrincipal by) {
        jdbc.sql("UPDATE order_task SET done_at = now(), done_by = ? WHERE id = ? AND done_at IS NULL")
                .params(by.displayName(), task.id())
                .update();
    }

    @Transactional
    void reopenTask(TaskView task) {
        jdbc.sql("UPDATE order_task SET done_at = NULL, done_by = NULL WHERE id = ?")
                .param(task.id())
                .update();
    }

    /** Moves the meeting; the open tasks move with it, the done ones keep their history. */
    @Transactional
    void moveMeeting(OrderView order, LocalDate newDate) {
        if (!order.status().open() || order.status().compareTo(OrderStatus.MEETING_HELD) >= 0) {
            throw new RuleViolation("order.move.afterMeeting");
        }
        if (!newDate.isAfter(today())) {
            throw new RuleViolation("order.meetingDate.past");
        }
        jdbc.sql("UPDATE package_order SET meeting_date = ?, version = version + 1 WHERE id = ?")
                .params(newDate, order.id())
                .update();
        LocalDate ordered = order.orderedAt().atZoneSameInstant(COPENHAGEN).toLocalDate();
        LocalDate callback = order.callbackAt().atZoneSameInstant(COPENHAGEN).toLocalDate();
        for (Timeline.PlannedTask task : Timeline.plan(ordered, callback, newDate)) {
            jdbc.sql("""
                            UPDATE order_task SET due_date = ?, reminded_before_at = NULL, reminded_overdue_at = NULL
                            WHERE order_id = ? AND step = ? AND done_at IS NULL""").params(task.due(), order.id(), task.step().name()).update();
        }
        for (Timeline.PackageTask task :
                Timeline.packageTasks(OrderPackage.placed(catalog, order).drejebog(), ordered, newDate)) {
            jdbc.sql("""
                            UPDATE order_task SET due_date = ?, reminded_before_at = NULL, reminded_overdue_at = NULL
                            WHERE order_id = ? AND step = 'PACKAGE' AND position = ? AND done_at IS NULL""").params(task.due(), order.id(), task.position()).update();
        }
    }

    @Transactional
    void cancel(OrderView order, String reason, SamspilPrincipal by) {
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("order.cancel.reasonRequired");
        }
        if (!order.status().canMoveTo(OrderStatus.CANCELLED)) {
            throw new RuleViolation("order.cancel.notAllowed");
        }
        statuses.change(order.id(), order.status(), OrderStatus.CANCELLED, by.displayName(), reason.trim());
        jdbc.sql("UPDATE package_order SET cancel_reason = ? WHERE id = ?")
                .params(reason.trim(), order.id())
                .update();
    }

    /**
     * A consultant sets the status by hand, with a reason: to correct what the automatic steps could not know (a
     * meeting held without minutes in Samspil, a survey run elsewhere). Cancelling has its own action.
     */
    @Transactional
    void changeStatus(OrderView order, OrderStatus target, String reason, SamspilPrincipal by) {
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("order.status.reasonRequired");
        }
        if (target == OrderStatus.CANCELLED || target == order.status() || order.status() == OrderStatus.CANCELLED) {
            throw new RuleViolation("order.transition.notAllowed");
        }
        statuses.change(order.id(), order.status(), target, by.displayName(), reason.trim());
    }

    private static void requireTransition(OrderView order, OrderStatus target) {
        if (!order.status().canMoveTo(target)) {
            throw new RuleViolation("order.transition.notAllowed");
        }
    }

    private void tick(long orderId, Timeline.Step step, SamspilPrincipal by) {
        jdbc.sql(
                        "UPDATE order_task SET done_at = now(), done_by = ? WHERE order_id = ? AND step = ? AND done_at IS NULL")
                .params(by.displayName(), orderId, step.name())
                .update();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
