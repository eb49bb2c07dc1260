package dev.custodian.platform.json;

import dev.custodian.platform.problem.InvalidRequestException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A request body read strictly: every field has the JSON type it must have, numbers are whole and in range (never
 * wrapped, rounded or coerced from strings), texts carry no NUL character (PostgreSQL refuses it in a text column).
 * Anything else is an {@link InvalidRequestException} (400) naming the field, before anything is written.
 */
public final class JsonFields {

    private final JsonObject object;
    private final String prefix;

    private JsonFields(JsonObject object, String prefix) {
        this.object = object;
        this.prefix = prefix;
    }

    /** The body as an object; {@code shape} says what was expected, e.g. {@code {workerId, types[]}}. */
    public static JsonFields body(JsonValue body, String shape) {
        if (body == null || body.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidRequestException("a JSON object " + shape + " is required as the body");
        }
        return new JsonFields(body.asJsonObject(), "");
    }

    public JsonObject object() {
        return object;
    }

    public boolean has(String name) {
        return object.containsKey(name) && object.get(name).getValueType() != JsonValue.ValueType.NULL;
    }

    /** Any JSON value, as given; empty when absent or null. */
    public Optional<JsonValue> value(String name) {
        return has(name) ? Optional.of(object.get(name)) : Optional.empty();
    }

    public Optional<String> string(String name) {
        if (!has(name)) {
            return Optional.empty();
        }
        if (!(object.get(name) instanceof JsonString text)) {
            throw invalid(name, "must be a string");
        }
        return Optional.of(text(name, text.getString()));
    }

    public Optional<Boolean> bool(String name) {
        if (!has(name)) {
            return Optional.empty();
        }
        JsonValue.ValueType type = object.get(name).getValueType();
        if (type != JsonValue.ValueType.TRUE && type != JsonValue.ValueType.FALSE) {
            throw invalid(name, "must be true or false");
        }
        return Optional.of(type == JsonValue.ValueType.TRUE);
    }

    /** A whole number that fits an {@code int}; the range the caller allows is the service's to check. */
    public Optional<Integer> integer(String name) {
        return whole(name, Integer.MIN_VALUE, Integer.MAX_VALUE, "must be a whole number (at most " + Integer.MAX_VALUE + ")")
                .map(Math::toIntExact);
    }

    /** A whole number from {@code min} to {@code max}; {@code 1.5}, {@code "3"} and {@code 4294967297} are refused. */
    public Optional<Integer> integer(String name, int min, int max) {
        return whole(name, min, max).map(Math::toIntExact);
    }

    public Optional<Long> whole(String name, long min, long max) {
        return whole(name, min, max, "must be a whole number from " + min + " to " + max);
    }

    private Optional<Long> whole(String name, long min, long max, String range) {
        if (!has(name)) {
            return Optional.empty();
        }
        if (!(object.get(name) instanceof JsonNumber number) || !number.isIntegral()) {
            throw invalid(name, range);
        }
        BigInteger value;
        try {
            value = number.bigIntegerValueExact();
        } catch (ArithmeticException e) {
            throw invalid(name, range);
        }
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            throw invalid(name, range);
        }
        return Optional.of(value.longValueExact());
    }

    /** An array of strings (no nulls, no other types); empty when absent or null. */
    public Optional<List<String>> strings(String name) {
        if (!has(name)) {
            return Optional.empty();
        }
        if (!(object.get(name) instanceof JsonArray array)) {
            throw invalid(name, "must be an array of strings");
        }
        List<String> values = new ArrayList<>(array.size());
        for (JsonValue item : array) {
            if (!(item instanceof JsonString text)) {
                throw invalid(name, "must be an array of strings (found " + item + ")");
            }
            values.add(text(name, text.getString()));
        }
        return Optional.of(values);
    }

    /** A nested object read the same way, its fields named {@code name.field}; empty when absent or null. */
    public Optional<JsonFields> object(String name) {
        if (!has(name)) {
            return Optional.empty();
        }
        if (object.get(name).getValueType() != JsonValue.ValueType.OBJECT) {
            throw invalid(name, "must be an object");
        }
        return Optional.of(new JsonFields(object.getJsonObject(name), prefix + name + "."));
    }

    /**
     * An array of objects, each read the same way with its fields named {@code name[i].field}; empty when absent or
     * null. More than {@code max} items is refused (400) before any item is read.
     */
    public Optional<List<JsonFields>> objects(String name, int max) {
        if (!has(name)) {
            return Optional.empty();
        }
        if (!(object.get(name) instanceof JsonArray array)) {
            throw invalid(name, "must be an array of objects");
        }
        if (array.size() > max) {
            throw invalid(name, "holds " + array.size() + " items; at most " + max + " are allowed in one call");
        }
        List<JsonFields> items = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
                throw invalid(name + "[" + i + "]", "must be an object");
            }
            items.add(new JsonFields(array.getJsonObject(i), prefix + name + "[" + i + "]."));
        }
        return Optional.of(items);
    }

    /** The field's name as a user would write it in a message: {@code backups.keepLast}. */
    public String path(String name) {
        return prefix + name;
    }

    private String text(String name, String value) {
        if (value.indexOf('\0') >= 0) {
            throw invalid(name, "must not contain the NUL character (\\u0000)");
        }
        return value;
    }

    private InvalidRequestException invalid(String name, String rule) {
        return new InvalidRequestException(path(name) + " " + rule);
    }
}
