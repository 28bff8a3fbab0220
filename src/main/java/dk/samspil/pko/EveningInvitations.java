package dk.samspil.pko;

import dk.samspil.directory.Directory;
import dk.samspil.directory.Views.GpRecipient;
import dk.samspil.directory.Views.MunicipalityView;
import dk.samspil.mail.Outbox;
import dk.samspil.mail.OutgoingMail;
import dk.samspil.meeting.Meetings.BlockView;
import dk.samspil.office.DocxBuilder;
import dk.samspil.office.DocxBuilder.Line;
import dk.samspil.office.OfficeConverter;
import dk.samspil.pko.PkoEveningMeetings.EveningMeeting;
import dk.samspil.platform.SamspilSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The invitation of an evening meeting to the catchment area's GPs (seed 003: "Fyraftensmøderne er for
 * optageområdets praktiserende læger. Uddannelseslæger i almen praksis er også velkomne"): the programme as PDF
 * (written as Word, converted by the office module), sent through the outbox to the GP addresses of the municipalities
 * of the unit's catchment area (the directory's register), each with the public sign-up link.
 */
@Service
class EveningInvitations {

    static final String PDF = "application/pdf";
    private static final Locale DANISH = Locale.forLanguageTag("da-DK");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE 'den' d. MMMM yyyy", DANISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH.mm");

    /** Who the invitation goes to: the catchment area's municipalities and their GP addresses. */
    record Recipients(List<MunicipalityView> municipalities, List<GpRecipient> gps) {
        public String municipalityNames() {
            return String.join(
                    ", ", municipalities.stream().map(MunicipalityView::name).toList());
        }
    }

    /** When the invitation last went out, by whom, to how many. */
    record Sent(OffsetDateTime at, String by, int count) {}

    private final JdbcClient jdbc;
    private final PkoEveningMeetings evenings;
    private final Directory directory;
    private final OfficeConverter office;
    private final Outbox outbox;
    private final SamspilSettings settings;
    private final MessageSource messages;

    EveningInvitations(
            JdbcClient jdbc,
            PkoEveningMeetings evenings,
            Directory directory,
            OfficeConverter office,
            Outbox outbox,
            SamspilSettings settings,
            MessageSource messages) {
        this.jdbc = jdbc;
        this.evenings = evenings;
        this.directory = directory;
        this.office = office;
        this.outbox = outbox;
        this.settings = settings;
        this.messages = messages;
    }

    Recipients recipients(EveningMeeting e) {
        List<MunicipalityView> area = directory.catchment(e.unitId());
        return new Recipients(
                area,
                directory.gpRecipients(area.stream().map(MunicipalityView::code).toList()));
    }

    Optional<Sent> sent(long eveningId) {
        return jdbc.sql("""
                        SELECT invited_at, invited_by, invited_count FROM pko_evening_meeting
                        WHERE id = ? AND invited_at IS NOT NULL""")
                .param(eveningId)
                .query((rs, n) -> new Sent(rs.getObject(1, OffsetDateTime.class), rs.getString(2), rs.getInt(3)))
                .optional();
    }

    /** The programme as Word: the meeting, its talks with their times and speakers, the sign-up. */
    byte[] programmeDocx(EveningMeeting e) {
        String title = evenings.title(e);
        DocxBuilder doc = new DocxBuilder(title);
        doc.heading(1, title);
        doc.labelled(
                text("pko.evening.pdf.when"),
                messages.getMessage(
                        "pko.evening.pdf.whenValue",
                        new Object[] {
                            e.date().format(DATE),
                            e.start().format(TIME),
                            e.end().format(TIME)
                        },
                        DANISH));
        doc.labelled(text("pko.evening.pdf.place"), e.place().isBlank() ? "–" : e.place());
        doc.labelled(
                text("pko.evening.format"),
                text("pko.evening.format." + e.format().name()));
        doc.paragraph(text("pko.evening.pdf.audience"));
        doc.heading(2, text("pko.evening.programme"));
        List<BlockView> programme = evenings.programme(e);
        if (programme.isEmpty()) {
            doc.paragraph(text("pko.evening.pdf.noProgramme"));
        } else {
            List<List<List<Line>>> rows = new ArrayList<>();
            for (BlockView b : programme) {
                rows.add(List.of(
                        List.of(Line.plain(b.plannedFrom().format(TIME) + "–"
                                + b.plannedTo().format(TIME))),
                        List.of(b.pause() ? Line.plain(b.title()) : Line.bold(b.title())),
                        List.of(Line.plain(b.speaker().isBlank() ? "" : b.speaker()))));
            }
            doc.table(
                    List.of(
                            text("pko.evening.pdf.time"),
                            text("pko.evening.pdf.item"),
                            text("pko.evening.pdf.speaker")),
                    rows,
                    new int[] {18, 52, 30},
                    0);
            doc.paragraph(text("pko.evening.pdf.questions"));
        }
        doc.heading(2, text("pko.evening.pdf.signupHeading"));
        doc.link(text("pko.evening.pdf.signup"), signupLink(e));
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try {
            doc.write(out);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }

    /** The programme as PDF; empty where no PDF can be made (no LibreOffice). */
    Optional<byte[]> programmePdf(EveningMeeting e) {
        return office.toPdf(programmeDocx(e), "docx");
    }

    /**
     * Mails the invitation with the programme (PDF, made by the caller) to every GP address of the catchment area and
     * records it; the number of addresses.
     */
    @Transactional
    int send(EveningMeeting e, byte[] pdf, String by) {
        Recipients recipients = recipients(e);
        long attachment = outbox.attachment(fileName(e), PDF, pdf);
        String title = evenings.title(e);
        for (GpRecipient gp : recipients.gps()) {
            Object[] args = {
                gp.name(),
                title,
                e.date().format(DATE),
                e.start().format(TIME),
                e.end().format(TIME),
                e.place().isBlank() ? "–" : e.place(),
                text("pko.evening.format." + e.format().name()),
                signupLink(e)
            };
            outbox.enqueue(
                    new OutgoingMail(
                            gp.email(),
                            messages.getMessage("pko.evening.invite.subject", args, DANISH),
                            messages.getMessage("pko.evening.invite.body", args, DANISH),
                            "pko-evening:" + e.id() + ":invitation"),
                    attachment);
        }
        jdbc.sql("""
                        UPDATE pko_evening_meeting SET invited_at = now(), invited_by = ?, invited_count = ?
                        WHERE id = ?""").params(by, recipients.gps().size(), e.id()).update();
        return recipients.gps().size();
    }

    String fileName(EveningMeeting e) {
        return "program-fyraftensmoede-" + e.date() + ".pdf";
    }

    private String signupLink(EveningMeeting e) {
        return settings.link("/fyraftensmoede/" + e.signupToken());
    }

    private String text(String key) {
        return messages.getMessage(key, null, DANISH);
    }
}
