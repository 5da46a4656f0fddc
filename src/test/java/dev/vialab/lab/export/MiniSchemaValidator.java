package dev.vialab.lab.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Validates JSON against the subset of JSON Schema 2020-12 that {@code trace.schema.json} uses, so the tests check
 * the output against the documented schema without a validator dependency. An unsupported keyword is an error,
 * not silently ignored: the schema can only use what this class really checks.
 *
 * <p>Beyond JSON Schema, it also checks that an object's keys come in the order the schema lists them, because
 * the export promises a fixed key order and the schema is where that order is written down.
 */
final class MiniSchemaValidator {
    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$defs", "title", "description");

    private final JsonNode root;

    MiniSchemaValidator(JsonNode root) {
        this.root = root;
    }

    /** Every violation as {@code path: message}; empty when the instance is valid. */
    List<String> validate(JsonNode instance) {
        List<String> errors = new ArrayList<>();
        check(root, instance, "$", errors);
        return errors;
    }

    private void check(JsonNode schema, JsonNode value, String path, List<String> errors) {
        for (Map.Entry<String, JsonNode> kw : schema.properties()) {
            JsonNode arg = kw.getValue();
            switch (kw.getKey()) {
                case "$ref" -> check(resolve(arg.stringValue()), value, path, errors);
                case "type" -> {
                    boolean ok = false;
                    for (JsonNode t : arg.isArray() ? arg.values() : List.of(arg)) {
                        ok |= hasType(value, t.stringValue());
                    }
                    if (!ok) {
                        errors.add(path + ": expected " + arg + ", got " + value.getNodeType());
                    }
                }
                case "const" -> {
                    if (!arg.equals(value)) {
                        errors.add(path + ": expected " + arg + ", got " + value);
                    }
                }
                case "enum" -> {
                    if (!arg.values().contains(value)) {
                        errors.add(path + ": " + value + " not in " + arg);
                    }
                }
                case "minimum" -> {
                    if (value.isNumber() && value.decimalValue().compareTo(arg.decimalValue()) < 0) {
                        errors.add(path + ": " + value + " < " + arg);
                    }
                }
                case "pattern" -> {
                    if (value.isString() && !Pattern.compile(arg.stringValue()).matcher(value.stringValue()).find()) {
                        errors.add(path + ": " + value + " does not match " + arg);
                    }
                }
                case "properties" -> {
                    if (value.isObject()) {
                        checkOrder(arg, value, path, errors);
                        for (Map.Entry<String, JsonNode> p : arg.properties()) {
                            if (value.has(p.getKey())) {
                                check(p.getValue(), value.get(p.getKey()), path + "." + p.getKey(), errors);
                            }
                        }
                    }
                }
                case "required" -> {
                    for (JsonNode r : arg.values()) {
                        if (value.isObject() && !value.has(r.stringValue())) {
                            errors.add(path + ": missing " + r);
                        }
                    }
                }
                case "additionalProperties" -> {
                    if (arg.isBoolean() && !arg.booleanValue() && value.isObject()) {
                        JsonNode known = schema.get("properties");
                        for (String name : value.propertyNames()) {
                            if (known == null || !known.has(name)) {
                                errors.add(path + ": unexpected key " + name);
                            }
                        }
                    } else if (!arg.isBoolean()) {
                        throw new IllegalArgumentException("additionalProperties must be false here");
                    }
                }
                case "dependentRequired" -> {
                    for (Map.Entry<String, JsonNode> d : arg.properties()) {
                        if (value.isObject() && value.has(d.getKey())) {
                            for (JsonNode r : d.getValue().values()) {
                                if (!value.has(r.stringValue())) {
                                    errors.add(path + ": " + d.getKey() + " requires " + r);
                                }
                            }
                        }
                    }
                }
                case "items" -> {
                    if (value.isArray()) {
                        for (int i = 0; i < value.size(); i++) {
                            check(arg, value.get(i), path + "[" + i + "]", errors);
                        }
                    }
                }
                case "oneOf" -> {
                    int matches = 0;
                    List<String> why = new ArrayList<>();
                    for (JsonNode alternative : arg.values()) {
                        List<String> e = new ArrayList<>();
                        check(alternative, value, path, e);
                        matches += e.isEmpty() ? 1 : 0;
                        why.addAll(e);
                    }
                    if (matches != 1) {
                        errors.add(path + ": " + matches + " oneOf alternatives match " + why);
                    }
                }
                default -> {
                    if (!ANNOTATIONS.contains(kw.getKey())) {
                        throw new IllegalArgumentException("keyword not supported by this validator: " + kw.getKey());
                    }
                }
            }
        }
    }

    private static void checkOrder(JsonNode properties, JsonNode value, String path, List<String> errors) {
        List<String> documented = new ArrayList<>(properties.propertyNames());
        int last = -1;
        for (String name : value.propertyNames()) {
            int at = documented.indexOf(name);
            if (at >= 0 && at < last) {
                errors.add(path + ": key " + name + " out of the documented order " + documented);
            }
            last = Math.max(last, at);
        }
    }

    private JsonNode resolve(String ref) {
        if (!ref.startsWith("#/$defs/")) {
            throw new IllegalArgumentException("only local $defs references are supported: " + ref);
        }
        JsonNode target = root.get("$defs").get(ref.substring("#/$defs/".length()));
        if (target == null) {
            throw new IllegalArgumentException("dangling $ref " + ref);
        }
        return target;
    }

    private static boolean hasType(JsonNode v, String type) {
        return switch (type) {
            case "object" -> v.isObject();
            case "array" -> v.isArray();
            case "string" -> v.isString();
            case "integer" -> v.isIntegralNumber();
            case "number" -> v.isNumber();
            case "boolean" -> v.isBoolean();
            case "null" -> v.isNull();
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
    }
}
