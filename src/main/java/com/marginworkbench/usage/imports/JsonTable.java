package com.marginworkbench.usage.imports;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * JSON records through Jackson's streaming parser, one record in memory at a time: a top-level
 * array of objects, objects one after another (JSON lines), or a page object whose {@code data}
 * array holds the records (the providers' cost and usage pages). A record with a {@code results}
 * array is a time bucket: each result becomes a row carrying the bucket's own fields (its start).
 */
final class JsonTable extends Table {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private enum Mode { TOP, ARRAY, DATA }

    private final BufferedReader reader;
    private final JsonParser parser;
    private final ArrayDeque<Map<String, String>> pending = new ArrayDeque<>();
    private Mode mode = Mode.TOP;
    private long pendingLine;

    JsonTable(String fileName, BufferedReader reader) throws IOException {
        super(fileName);
        this.reader = reader;
        this.parser = MAPPER.getFactory().createParser(reader);
    }

    @Override
    boolean fixedColumns() {
        return false;
    }

    @Override
    boolean next() throws IOException, ImportException {
        try {
            while (pending.isEmpty()) {
                if (!advance()) {
                    return false;
                }
            }
        } catch (JsonProcessingException e) {
            throw new ImportException(fileName + ":" + e.getLocation().getLineNr() + ": not readable as JSON from here on ("
                    + e.getOriginalMessage() + ")");
        }
        Map<String, String> flat = pending.poll();
        line = pendingLine;
        for (String k : flat.keySet()) {
            columns.ensure(k);
        }
        String[] values = new String[columns.size()];
        for (Map.Entry<String, String> e : flat.entrySet()) {
            values[columns.indexOf(e.getKey())] = e.getValue();
        }
        row = values;
        return true;
    }

    /** Reads on until at least one record is pending or the input ends; false at the end. */
    private boolean advance() throws IOException {
        JsonToken t = parser.nextToken();
        if (t == null) {
            return false;
        }
        switch (mode) {
            case ARRAY, DATA -> {
                if (t == JsonToken.END_ARRAY) {
                    if (mode == Mode.DATA) {
                        skipRestOfObject();
                    }
                    mode = Mode.TOP;
                } else if (t == JsonToken.START_OBJECT) {
                    pendingLine = parser.currentTokenLocation().getLineNr();
                    expand(MAPPER.readTree(parser));
                } else {
                    parser.skipChildren();
                }
            }
            case TOP -> {
                if (t == JsonToken.START_ARRAY) {
                    mode = Mode.ARRAY;
                } else if (t == JsonToken.START_OBJECT) {
                    pendingLine = parser.currentTokenLocation().getLineNr();
                    topObject();
                }
            }
        }
        return true;
    }

    /** A top-level object: a page holding a {@code data} array, or a record itself. */
    private void topObject() throws IOException {
        ObjectNode node = MAPPER.createObjectNode();
        JsonToken t;
        while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken v = parser.nextToken();
            if ("data".equals(name) && v == JsonToken.START_ARRAY) {
                mode = Mode.DATA;
                return;
            }
            node.set(name, MAPPER.readTree(parser));
        }
        if (t == JsonToken.END_OBJECT) {
            expand(node);
        }
    }

    private void skipRestOfObject() throws IOException {
        JsonToken t;
        while ((t = parser.nextToken()) != null && t != JsonToken.END_OBJECT) {
            if (t == JsonToken.FIELD_NAME) {
                parser.nextToken();
                parser.skipChildren();
            }
        }
    }

    private void expand(JsonNode node) {
        JsonNode results = node.get("results");
        if (results != null && results.isArray()) {
            Map<String, String> bucket = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().equals("results")) {
                    flatten(e.getKey().toLowerCase(Locale.ROOT), e.getValue(), bucket);
                }
            }
            for (JsonNode r : results) {
                Map<String, String> flat = new LinkedHashMap<>(bucket);
                flatten("", r, flat);
                pending.add(flat);
            }
            return;
        }
        Map<String, String> flat = new LinkedHashMap<>();
        flatten("", node, flat);
        pending.add(flat);
    }

    private static void flatten(String prefix, JsonNode v, Map<String, String> out) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return;
        }
        if (v.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = v.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String k = e.getKey().toLowerCase(Locale.ROOT);
                flatten(prefix.isEmpty() ? k : prefix + "." + k, e.getValue(), out);
            }
        } else if (v.isArray()) {
            out.put(prefix, v.toString());
        } else {
            out.put(prefix, v.asText());
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
        reader.close();
    }
}
