package com.marginworkbench.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills the project file's JSON shape ({@link ProjectFileDto} and its nested classes) from a JSON
 * tree one field at a time, so that one field of the wrong kind ({@code "lines": null},
 * {@code [null]}, {@code "aiShare": "half"}) costs that field and not the whole file. Each field
 * left out is named in {@link Dropped} with its path and value.
 */
final class LenientDto {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** A value that could not be taken; the field keeps its default. */
    private static final Object DROP = new Object();

    private LenientDto() {
    }

    /** The fields of a project file that were left out, each as "path (value)". */
    static final class Dropped {
        private final List<String> fields = new ArrayList<>();

        void add(String path, JsonNode value, String why) {
            fields.add(path + " = " + quote(value) + (why == null || why.isEmpty() ? "" : " (" + why + ")"));
        }

        void add(String path, String value, String why) {
            add(path, value == null ? MAPPER.nullNode() : MAPPER.getNodeFactory().textNode(value), why);
        }

        List<String> fields() {
            return List.copyOf(fields);
        }

        private static String quote(JsonNode value) {
            String s = value.toString();
            return s.length() <= 60 ? s : s.substring(0, 59) + "…";
        }
    }

    /** A new {@code type} with every field of {@code node} that fits; the rest named in {@code dropped}. */
    static <T> T read(JsonNode node, Class<T> type, String path, Dropped dropped) {
        T out;
        try {
            out = type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type + " needs a public constructor without arguments", e);
        }
        for (Field f : type.getFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            JsonNode v = node.get(f.getName());
            if (v == null) {
                continue;
            }
            Object value = convert(v, f.getGenericType(), path.isEmpty() ? f.getName() : path + "." + f.getName(),
                    dropped);
            if (value != DROP) {
                try {
                    f.set(out, value);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(f + " must be public", e);
                }
            }
        }
        return out;
    }

    private static Object convert(JsonNode v, Type type, String path, Dropped dropped) {
        Class<?> raw = raw(type);
        boolean container = List.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw);
        if (v.isNull()) {
            if (raw.isPrimitive() || container) {
                dropped.add(path, v, "");
                return DROP;
            }
            return null;
        }
        if (isShape(raw)) {
            if (!v.isObject()) {
                dropped.add(path, v, "not an object");
                return DROP;
            }
            return read(v, raw, path, dropped);
        }
        if (List.class.isAssignableFrom(raw)) {
            return list(v, ((ParameterizedType) type).getActualTypeArguments()[0], path, dropped);
        }
        if (Map.class.isAssignableFrom(raw)) {
            return map(v, ((ParameterizedType) type).getActualTypeArguments()[1], path, dropped);
        }
        if (v.isContainerNode()) {
            dropped.add(path, v, "");
            return DROP;
        }
        try {
            return MAPPER.convertValue(v, MAPPER.constructType(type));
        } catch (IllegalArgumentException e) {
            dropped.add(path, v, "");
            return DROP;
        }
    }

    /**
     * A list; an element of a nested shape that cannot be taken stays as {@code null}, so that the
     * positions of the others keep their index in the file (and in the notes about them).
     */
    private static Object list(JsonNode v, Type element, String path, Dropped dropped) {
        if (!v.isArray()) {
            dropped.add(path, v, "not a list");
            return DROP;
        }
        boolean shape = isShape(raw(element));
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            String p = path + "[" + i + "]";
            Object e = v.get(i).isNull() ? DROP : convert(v.get(i), element, p, dropped);
            if (v.get(i).isNull()) {
                dropped.add(p, v.get(i), "");
            }
            if (e != DROP && e != null) {
                out.add(e);
            } else if (shape) {
                out.add(null);
            }
        }
        return out;
    }

    private static Object map(JsonNode v, Type value, String path, Dropped dropped) {
        if (!v.isObject()) {
            dropped.add(path, v, "not an object");
            return DROP;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = path + "." + e.getKey();
            Object x = e.getValue().isNull() ? DROP : convert(e.getValue(), value, p, dropped);
            if (e.getValue().isNull()) {
                dropped.add(p, e.getValue(), "");
            }
            if (x != DROP && x != null) {
                out.put(e.getKey(), x);
            }
        }
        return out;
    }

    /** The project file's own JSON classes: {@link ProjectFileDto} and the classes nested in it. */
    private static boolean isShape(Class<?> c) {
        return c == ProjectFileDto.class || c.getEnclosingClass() == ProjectFileDto.class;
    }

    private static Class<?> raw(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }
}
