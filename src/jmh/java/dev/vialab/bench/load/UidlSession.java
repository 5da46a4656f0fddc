package dev.vialab.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One learner's browser tab, speaking Vaadin Flow's client protocol as the real client does (captured from
 * Chromium): the page, {@code ?v-r=init}, the {@code ui-navigate} event, then UIDL requests that click buttons
 * ({@code event click}) and change fields ({@code mSync} of a property plus its {@code *-changed} event). It keeps
 * the map from element id to state-node id up to date from every response, since a re-run rebuilds components.
 */
final class UidlSession {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final String base;
    private final String route;
    private final String query;
    private final Map<String, Integer> nodeById = new HashMap<>();
    private String cookie = "";
    private String csrf;
    private int uiId;
    private int syncId;
    private int clientId;
    private long lastBytes;

    /** {@code query} without the {@code ?}, e.g. {@code seed=7}, or empty. */
    UidlSession(HttpClient http, String base, String route, String query) {
        this.http = http;
        this.base = base.endsWith("/") ? base : base + "/";
        this.route = route;
        this.query = query;
    }

    /** Opens the page as a browser does; afterwards the bench is on the server and its ids are known. */
    void open() throws IOException, InterruptedException {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base + route + (query.isEmpty() ? "" : "?" + query))).GET());
        page.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().ifPresent(c -> cookie = c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')));
        String loc = URLEncoder.encode(route, StandardCharsets.UTF_8);
        HttpResponse<String> init = send(HttpRequest.newBuilder(URI.create(base + "?v-r=init&location=" + loc
                + "&query=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&v-sh=1080&v-sw=1920&v-wh=960&v-ww=1600&v-bh=960&v-bw=1600&v-tzo=0&v-dstd=0&v-rtzo=0"
                + "&v-dston=false&v-tzid=UTC&v-wn=load&v-td=false&v-pr=1&v-np=Linux&v-cs=light&v-pv=VISIBLE"
                + "&v-fs=NOT_FULLSCREEN&v-so=landscape-primary&v-soa=0&v-tn=lumo&v-ga=PROMPT&v-wla=SUPPORTED"
                + "&v-ws=false")).GET());
        JsonNode config = JSON.readTree(init.body()).get("appConfig");
        uiId = config.get("v-uiId").asInt();
        JsonNode uidl = config.get("uidl");
        csrf = uidl.get("Vaadin-Security-Key").asString();
        absorb(uidl);
        ObjectNode data = JSON.createObjectNode().put("route", route).put("query", query).put("appShellTitle", "")
                .putNull("historyState").put("trigger", "");
        rpc("open", List.of(event(1, "ui-navigate", data)));
        if (!nodeById.containsKey("step-forward")) {
            throw new IOException("the bench did not render: no step-forward button");
        }
    }

    boolean has(String id) {
        return nodeById.containsKey(id);
    }

    /** Clicks the element with this id; returns the server round trip in nanoseconds. */
    long click(String id, String action) throws IOException, InterruptedException {
        return rpc(action, List.of(event(node(id), "click", JSON.createObjectNode().put("event.detail", 1))));
    }

    /** Sets a synchronised property (checkbox {@code checked}, select {@code value}) as the client does. */
    long change(String id, String property, Object value, String action) throws IOException, InterruptedException {
        int node = node(id);
        ObjectNode sync = JSON.createObjectNode().put("type", "mSync").put("node", node).put("feature", 1)
                .put("property", property);
        if (value instanceof Boolean b) {
            sync.put("value", b);
        } else {
            sync.put("value", value.toString());
        }
        return rpc(action, List.of(sync, event(node, property + "-changed", JSON.createObjectNode())));
    }

    long lastResponseBytes() {
        return lastBytes;
    }

    private int node(String id) throws IOException {
        Integer n = nodeById.get(id);
        if (n == null) {
            throw new IOException("no element with id " + id);
        }
        return n;
    }

    private ObjectNode event(int node, String name, ObjectNode data) {
        ObjectNode e = JSON.createObjectNode().put("type", "event").put("node", node).put("event", name);
        e.set("data", data);
        return e;
    }

    private long rpc(String action, List<ObjectNode> calls) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("csrfToken", csrf);
        ArrayNode rpc = body.putArray("rpc");
        calls.forEach(rpc::add);
        body.put("syncId", syncId).put("clientId", clientId);
        // vl-action only labels the request in the server's access log; Vaadin ignores unknown parameters
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + "?v-r=uidl&v-uiId=" + uiId + "&vl-action="
                + action)).header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        long start = System.nanoTime();
        HttpResponse<String> r = send(req);
        long took = System.nanoTime() - start;
        String text = r.body();
        lastBytes = text.length();
        if (text.startsWith("for(;;);")) {
            text = text.substring("for(;;);".length());
        }
        JsonNode json = JSON.readTree(text);
        if (json.isArray()) {
            json = json.get(0);
        }
        if (json.has("meta") && json.get("meta").has("appError")) {
            throw new IOException("server error: " + json.get("meta"));
        }
        absorb(json);
        return took;
    }

    private void absorb(JsonNode uidl) {
        if (uidl.has("syncId")) {
            syncId = uidl.get("syncId").asInt();
        }
        if (uidl.has("clientId")) {
            clientId = uidl.get("clientId").asInt();
        }
        JsonNode changes = uidl.get("changes");
        if (changes == null) {
            return;
        }
        for (JsonNode c : changes) {
            if ("put".equals(c.path("type").asString()) && "id".equals(c.path("key").asString())
                    && c.path("feat").asInt() == 3) {
                nodeById.put(c.get("value").asString(), c.get("node").asInt());
            }
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        if (!cookie.isEmpty()) {
            b.header("Cookie", cookie);
        }
        HttpResponse<String> r = http.send(b.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("HTTP " + r.statusCode() + " for " + r.uri());
        }
        return r;
    }
}
