package dk.samspil.meeting;

import static dk.samspil.meeting.MinutesDocument.DANISH;
import static dk.samspil.meeting.MinutesDocument.DATE;

import dk.samspil.meeting.Meetings.AgreementView;
import dk.samspil.meeting.Meetings.MeetingView;
import dk.samspil.office.DocxBuilder;
import dk.samspil.office.DocxBuilder.Line;
import dk.samspil.ordering.OrderViews.OrderView;
import dk.samspil.ordering.Party;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSource;

/**
 * A short agenda item for the next meeting of the kommunalt-lægeligt udvalg (KLU) as Word: the meeting, its
 * agreements where they stand today (the municipality's first) and a suggested decision.
 */
final class KluAgendaItem {

    private final MessageSource messages;

    KluAgendaItem(MessageSource messages) {
        this.messages = messages;
    }

    byte[] write(MeetingView meeting, LocalDate today) {
        OrderView order = meeting.order();
        String title = text("meeting.klu.title", order.packageTitle(), order.clusterName());
        DocxBuilder doc = new DocxBuilder(title);
        doc.heading(1, title);
        doc.labelled(text("meeting.klu.date"), order.meetingDate().format(DATE));
        doc.labelled(text("meeting.minutes.doc.cluster"), order.clusterName());
        doc.labelled(text("meeting.minutes.doc.municipalities"), order.municipalityNames());

        List<AgreementView> municipal = meeting.agreements().stream()
                .filter(a -> a.ownerParty() == Party.MUNICIPALITY)
                .toList();
        List<AgreementView> others = meeting.agreements().stream()
                .filter(a -> a.ownerParty() != Party.MUNICIPALITY)
                .toList();
        doc.heading(2, text("meeting.klu.background.heading"));
        doc.paragraph(text(
                "meeting.klu.background",
                order.clusterName(),
                order.municipalityNames(),
                order.meetingDate().format(DATE),
                order.packageTitle(),
                meeting.agreements().size(),
                today.format(DATE)));

        doc.heading(2, text("meeting.klu.municipal.heading"));
        table(doc, municipal, "meeting.klu.municipal.none", today);
        doc.heading(2, text("meeting.klu.others.heading"));
        table(doc, others, "meeting.klu.others.none", today);

        long open = municipal.stream().filter(a -> isOpen(a.status())).count();
        doc.heading(2, text("meeting.klu.decision.heading"));
        doc.paragraph(open > 0 ? text("meeting.klu.decision.open", open) : text("meeting.klu.decision.closed"));

        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            doc.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void table(DocxBuilder doc, List<AgreementView> agreements, String noneKey, LocalDate today) {
        if (agreements.isEmpty()) {
            doc.paragraph(text(noneKey));
            return;
        }
        List<List<List<Line>>> rows = new ArrayList<>();
        for (AgreementView a : agreements) {
            String status = text(a.status().key());
            if (AgreementOverview.overdue(a.due(), a.status(), today)) {
                status += " " + text("meeting.klu.overdue");
            }
            rows.add(List.of(
                    List.of(Line.plain(a.what())),
                    List.of(Line.plain(orDash(MinutesDocument.who(messages, a.ownerPerson(), a.ownerParty())))),
                    List.of(Line.plain(a.due() == null ? "–" : a.due().format(DATE))),
                    List.of(Line.plain(status))));
        }
        doc.table(
                List.of(
                        text("meeting.agreement.what"),
                        text("meeting.agreement.who"),
                        text("meeting.agreement.due"),
                        text("meeting.agreement.status")),
                rows,
                new int[] {46, 22, 16, 16},
                0);
    }

    private static boolean isOpen(AgreementStatus status) {
        return status == AgreementStatus.AGREED || status == AgreementStatus.IN_PROGRESS;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, DANISH);
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "–" : value;
    }
}
