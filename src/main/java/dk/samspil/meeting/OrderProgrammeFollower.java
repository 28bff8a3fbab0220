package dk.samspil.meeting;

import dk.samspil.ordering.OrderProgrammeChanged;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * An order's programme was adapted before its meeting: the notes and times written for a block go with the block to
 * its new place (the order's meeting keeps them by place, from 1), and go when the block is removed; a block added
 * gets its row when the meeting page is next opened.
 */
@Component
class OrderProgrammeFollower {

    private final JdbcClient jdbc;

    OrderProgrammeFollower(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(OrderProgrammeChanged changed) {
        List<Long> meeting = jdbc.sql("SELECT id FROM meeting WHERE owner_kind = ? AND owner_id = ?")
                .params(MeetingOwner.ORDER, changed.orderId())
                .query(Long.class)
                .list();
        if (meeting.isEmpty()) {
            return; // no meeting page opened yet: its rows are made from the programme as it is then
        }
        long id = meeting.get(0);
        List<Integer> previous = changed.previousPositions();
        Integer[] kept =
                previous.stream().filter(p -> p != null).map(p -> p + 1).toArray(Integer[]::new);
        jdbc.sql("DELETE FROM meeting_block WHERE meeting_id = ? AND position <> ALL (?)")
                .params(id, kept)
                .update();
        // Two steps: the key (meeting, position) is checked row by row, so the rows first step aside.
        jdbc.sql("UPDATE meeting_block SET position = -position, version = version + 1 WHERE meeting_id = ?")
                .param(id)
                .update();
        for (int i = 0; i < previous.size(); i++) {
            if (previous.get(i) != null) {
                jdbc.sql("UPDATE meeting_block SET position = ? WHERE meeting_id = ? AND position = ?")
                        .params(i + 1, id, -(previous.get(i) + 1))
                        .update();
            }
        }
    }
}
