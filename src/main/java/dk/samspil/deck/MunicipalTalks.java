package dk.samspil.deck;

import dk.samspil.ordering.OrderProgrammeChanged;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The municipality's slides for its talks: one PowerPoint file per order and programme block, checked when uploaded
 * (a presentation POI can open, with slides, without macros, within limits) and copied into the deck in the talk's
 * place, so the deck stays one editable file.
 */
@Service
class MunicipalTalks {

    static final int MAX_BYTES = 10 * 1024 * 1024;
    static final int MAX_SLIDES = 60;
    private static final Pattern MACROS = Pattern.compile(".*vbaProject.*", Pattern.CASE_INSENSITIVE);

    /** An uploaded talk as a page shows it. */
    record Talk(int block, String fileName, int slides, String uploadedBy, OffsetDateTime uploadedAt) {}

    /** A talk refused with the message key of why. */
    static final class Refused extends RuntimeException {
        final String messageKey;

        Refused(String messageKey) {
            super(messageKey);
            this.messageKey = messageKey;
        }
    }

    /** Far beyond any programme's places: where the talks wait while their blocks move. */
    private static final int ASIDE = 1_000_000;

    private final JdbcClient jdbc;

    MunicipalTalks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The order's uploaded talks by block. */
    Map<Integer, Talk> talks(long orderId) {
        Map<Integer, Talk> talks = new LinkedHashMap<>();
        jdbc.sql(
                        "SELECT block, file_name, slides, uploaded_by, uploaded_at FROM deck_municipal_talk WHERE order_id = ? ORDER BY block")
                .param(orderId)
                .query((rs, n) -> talks.put(
                        rs.getInt(1),
                        new Talk(
                                rs.getInt(1),
                                rs.getString(2),
                                rs.getInt(3),
                                rs.getString(4),
                                rs.getObject(5, OffsetDateTime.class))))
                .list();
        return talks;
    }

    /** The slides of the order's talks by block, for the deck. */
    Map<Integer, DeckContent.TalkSlides> slides(long orderId) {
        Map<Integer, DeckContent.TalkSlides> slides = new LinkedHashMap<>();
        jdbc.sql("SELECT block, file_name, slides, pptx FROM deck_municipal_talk WHERE order_id = ?")
                .param(orderId)
                .query((rs, n) -> slides.put(
                        rs.getInt(1), new DeckContent.TalkSlides(rs.getString(2), rs.getInt(3), rs.getBytes(4))))
                .list();
        return slides;
    }

    /** Replaces the block's talk; refused (nothing changed) when the file is no usable presentation. */
    @Transactional
    Talk save(long orderId, int block, String fileName, byte[] pptx, String by) {
        int slides = check(pptx);
        String name = fileName == null || fileName.isBlank()
                ? "oplaeg.pptx"
                : Path.of(fileName).getFileName().toString();
        name = name.length() > 200 ? name.substring(0, 200) : name;
        jdbc.sql("""
                        INSERT INTO deck_municipal_talk (order_id, block, file_name, slides, pptx, uploaded_by) VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (order_id, block) DO UPDATE SET file_name = excluded.file_name, slides = excluded.slides,
                            pptx = excluded.pptx, uploaded_by = excluded.uploaded_by, uploaded_at = now()""").params(orderId, block, name, slides, pptx, by).update();
        return talks(orderId).get(block);
    }

    /**
     * The order's programme was adapted: each talk goes with its block to the block's new place, and the talk of a
     * removed block goes with it. Moved out of the way first, as two talks may swap places.
     */
    @ApplicationModuleListener
    void on(OrderProgrammeChanged changed) {
        Map<Integer, Integer> moves = new HashMap<>();
        List<Integer> previous = changed.previousPositions();
        for (int i = 0; i < previous.size(); i++) {
            if (previous.get(i) != null) {
                moves.put(previous.get(i), i);
            }
        }
        long orderId = changed.orderId();
        for (int block : talks(orderId).keySet()) {
            if (!moves.containsKey(block)) {
                remove(orderId, block);
            }
        }
        jdbc.sql("UPDATE deck_municipal_talk SET block = block + ? WHERE order_id = ?")
                .params(ASIDE, orderId)
                .update();
        moves.forEach(
                (from, to) -> jdbc.sql("UPDATE deck_municipal_talk SET block = ? WHERE order_id = ? AND block = ?")
                        .params(to, orderId, from + ASIDE)
                        .update());
    }

    @Transactional
    void remove(long orderId, int block) {
        jdbc.sql("DELETE FROM deck_municipal_talk WHERE order_id = ? AND block = ?")
                .params(orderId, block)
                .update();
    }

    /** @return the number of slides; refused with a reason otherwise */
    static int check(byte[] pptx) {
        if (pptx == null || pptx.length == 0) {
            throw new Refused("deck.talk.choose");
        }
        if (pptx.length > MAX_BYTES) {
            throw new Refused("deck.talk.tooLarge");
        }
        try (XMLSlideShow show = new XMLSlideShow(new ByteArrayInputStream(pptx))) {
            if (!show.getPackage().getPartsByName(MACROS).isEmpty()) {
                throw new Refused("deck.talk.macros");
            }
            int slides = show.getSlides().size();
            if (slides == 0) {
                throw new Refused("deck.talk.empty");
            }
            if (slides > MAX_SLIDES) {
                throw new Refused("deck.talk.tooMany");
            }
            return slides;
        } catch (IOException | RuntimeException e) {
            if (e instanceof Refused refused) {
                throw refused;
            }
            throw new Refused("deck.talk.notPptx");
        }
    }
}
