package io.paperboy.hub;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paperboy.db.ChangeSequence;
import io.paperboy.db.Timestamps;
import io.paperboy.json.Json;
import io.paperboy.paper.PaperExtras;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/** SQL for the hub_links table. */
final class HubLinksRepository {
    private static final ObjectMapper JSON = Json.mapper();

    /** A paper's row as the worker reads it: its claim time and what pages show now (null before a good answer). */
    record Row(String paperId, String dueAt, PaperExtras.HubLinks shown) {}

    Map<String, Row> listFor(Handle h, Collection<String> paperIds) {
        Map<String, Row> out = new HashMap<>();
        if (paperIds.isEmpty()) {
            return out;
        }
        h.createQuery("SELECT paper_id, models, datasets, spaces, top, due_at FROM hub_links WHERE paper_id IN (<ids>)")
                .bindList("ids", List.copyOf(paperIds))
                .map((rs, ctx) -> new Row(rs.getString("paper_id"), rs.getString("due_at"), links(rs)))
                .forEach(r -> out.put(r.paperId(), r));
        return out;
    }

    /** What pages show for the papers among {@code paperIds} that have a good answer. */
    Map<String, PaperExtras.HubLinks> linksOf(Handle h, Collection<String> paperIds) {
        Map<String, PaperExtras.HubLinks> out = new HashMap<>();
        listFor(h, paperIds).forEach((id, row) -> {
            if (row.shown() != null) {
                out.put(id, row.shown());
            }
        });
        return out;
    }

    private static PaperExtras.HubLinks links(java.sql.ResultSet rs) throws java.sql.SQLException {
        int models = rs.getInt("models");
        if (rs.wasNull()) {
            return null;
        }
        JsonNode top;
        try {
            top = JSON.readTree(rs.getString("top") == null ? "{}" : rs.getString("top"));
        } catch (JsonProcessingException e) {
            top = JSON.createObjectNode();
        }
        return new PaperExtras.HubLinks(
                new PaperExtras.Linked(models, items(top.path("models"))),
                new PaperExtras.Linked(rs.getInt("datasets"), items(top.path("datasets"))),
                new PaperExtras.Linked(rs.getInt("spaces"), items(top.path("spaces"))));
    }

    private static List<PaperExtras.Item> items(JsonNode array) {
        List<PaperExtras.Item> out = new ArrayList<>();
        for (JsonNode i : array) {
            out.add(new PaperExtras.Item(
                    i.path("id").asText(),
                    i.path("likes").asInt(),
                    i.hasNonNull("downloads") ? i.get("downloads").asInt() : null));
        }
        return out;
    }

    static String topJson(PaperExtras.HubLinks links) {
        ObjectNode o = JSON.createObjectNode();
        put(o.putArray("models"), links.models());
        put(o.putArray("datasets"), links.datasets());
        put(o.putArray("spaces"), links.spaces());
        return o.toString();
    }

    private static void put(ArrayNode array, PaperExtras.Linked linked) {
        for (PaperExtras.Item item : linked.top()) {
            ObjectNode i = array.addObject().put("id", item.id()).put("likes", item.likes());
            if (item.downloads() != null) {
                i.put("downloads", item.downloads());
            }
        }
    }

    boolean claimNew(Handle h, String paperId, Instant leaseUntil) {
        return h.createUpdate("""
                        INSERT INTO hub_links (paper_id, status, due_at) VALUES (:paper, 'new', :due)
                        ON CONFLICT (paper_id) DO NOTHING""")
                        .bind("paper", paperId)
                        .bind("due", Timestamps.stamp(leaseUntil))
                        .execute()
                == 1;
    }

    boolean claimDue(Handle h, String paperId, String dueAt, Instant leaseUntil) {
        return h.createUpdate("UPDATE hub_links SET due_at = :lease WHERE paper_id = :paper AND due_at = :seen")
                        .bind("lease", Timestamps.stamp(leaseUntil))
                        .bind("paper", paperId)
                        .bind("seen", dueAt)
                        .execute()
                == 1;
    }

    /** A good answer: the counts and top items; a change of what pages show takes a change number (their caches key on it). */
    void recordGood(Handle h, Row before, PaperExtras.HubLinks links, Instant now, Instant due) {
        h.createUpdate("""
                        UPDATE hub_links SET models = :models, datasets = :datasets, spaces = :spaces, top = :top,
                            status = 'ok', last_error = NULL, fetched_at = :now, due_at = :due
                        WHERE paper_id = :paper""")
                .bind("models", links.models().total())
                .bind("datasets", links.datasets().total())
                .bind("spaces", links.spaces().total())
                .bind("top", topJson(links))
                .bind("now", Timestamps.stamp(now))
                .bind("due", Timestamps.stamp(due))
                .bind("paper", before.paperId())
                .execute();
        if (!Objects.equals(before.shown(), links)) {
            ChangeSequence.next(h, ChangeSequence.paper(before.paperId()));
        }
    }

    /** A failed or refused refresh: the last good counts stay. */
    void recordFailure(Handle h, String paperId, String error, Instant due) {
        h.createUpdate(
                        "UPDATE hub_links SET status = 'error', last_error = :error, due_at = :due WHERE paper_id = :paper")
                .bind("error", error)
                .bind("due", Timestamps.stamp(due))
                .bind("paper", paperId)
                .execute();
    }
}
