package dk.samspil.ordering;

import dk.samspil.ordering.OrderViews.OrderView;
import dk.samspil.ordering.OrderViews.TaskView;
import dk.samspil.ordering.PreMeetings.PreMeeting;
import dk.samspil.platform.SamspilSettings;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Orders as iCalendar (RFC 5545): the meeting at its local time in Europe/Copenhagen (with the VTIMEZONE, so
 * Outlook and Google place it right across daylight saving), and every open task of the timeline as an all-day
 * entry on its due date. UIDs are stable, so a re-import or a subscription updates entries instead of adding new.
 */
@Component
class OrderCalendar {

    private static final TimeZoneRegistry ZONES =
            TimeZoneRegistryFactory.getInstance().createRegistry();

    private final MessageSource messages;
    private final SamspilSettings settings;
    private final PreMeetings preMeetings;

    OrderCalendar(MessageSource messages, SamspilSettings settings, PreMeetings preMeetings) {
        this.messages = messages;
        this.settings = settings;
        this.preMeetings = preMeetings;
    }

    String render(Map<OrderView, List<TaskView>> orders, ToIntFunction<OrderView> meetingMinutes) {
        VTimeZone copenhagen = copenhagen();
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Samspil//Klyngemøder//DA"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(copenhagen);
        orders.forEach((order, tasks) -> {
            calendar.add(meeting(order, meetingMinutes.applyAsInt(order)));
            // A planned pre-meeting stands at its time, in place of the step's all-day entry.
            Optional<PreMeeting> preMeeting = preMeetings.of(order.id());
            preMeeting.ifPresent(planned -> calendar.add(preMeeting(order, planned)));
            tasks.stream()
                    .filter(task -> !task.done() && task.step() != Timeline.Step.MEETING)
                    .filter(task -> task.step() != Timeline.Step.PRE_MEETING || preMeeting.isEmpty())
                    .forEach(task -> calendar.add(task(order, task)));
        });
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter().output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * The zone's definition under the name the events use: the library finds Europe/Copenhagen as its alias
     * Europe/Berlin, and RFC 5545 wants a VTIMEZONE for every TZID (Outlook reads the time from it).
     */
    private static VTimeZone copenhagen() {
        VTimeZone zone = (VTimeZone)
                ZONES.getTimeZone(Ordering.COPENHAGEN.getId()).getVTimeZone().copy();
        zone.replace(new TzId(Ordering.COPENHAGEN.getId()));
        return zone;
    }

    private VEvent meeting(OrderView order, int minutes) {
        ZonedDateTime start = order.meetingDate().atTime(order.startTime()).atZone(Ordering.COPENHAGEN);
        VEvent event = new VEvent(
                start, start.plusMinutes(minutes), text("calendar.meeting", order.packageTitle(), order.clusterName()));
        event.add(new Uid("order-" + order.id() + "-meeting@samspil"));
        event.add(new Location(order.venue()));
        event.add(new Description(text(
                "calendar.meeting.description",
                order.packageTitle(),
                order.clusterName(),
                order.municipalityNames(),
                settings.link("/bestillinger/" + order.id()))));
        event.add(new Url(URI.create(settings.link("/bestillinger/" + order.id()))));
        return event;
    }

    private VEvent preMeeting(OrderView order, PreMeeting planned) {
        ZonedDateTime start = planned.date().atTime(planned.start()).atZone(Ordering.COPENHAGEN);
        ZonedDateTime end = planned.date().atTime(planned.end()).atZone(Ordering.COPENHAGEN);
        VEvent event = new VEvent(start, end, text("calendar.preMeeting", order.packageTitle(), order.clusterName()));
        event.add(new Uid("order-" + order.id() + "-pre-meeting@samspil"));
        if (!planned.place().isBlank()) {
            event.add(new Location(planned.place()));
        }
        event.add(new Description(text(
                "calendar.preMeeting.description",
                planned.attendees(),
                settings.link("/bestillinger/" + order.id() + "/moede#formoede"))));
        event.add(new Url(URI.create(settings.link("/bestillinger/" + order.id() + "/moede#formoede"))));
        return event;
    }

    private VEvent task(OrderView order, TaskView task) {
        VEvent event = new VEvent(
                task.due(),
                text(
                        "calendar.task",
                        task.title() != null ? task.title() : text(task.labelKey()),
                        order.clusterName()));
        event.add(new Uid("order-" + order.id() + "-" + task.identity().toLowerCase() + "@samspil"));
        event.add(new Description(text(
                "calendar.task.description",
                text("party." + task.owner().name()),
                order.packageTitle(),
                settings.link("/bestillinger/" + order.id()))));
        return event;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, OrderMails.DANISH);
    }
}
