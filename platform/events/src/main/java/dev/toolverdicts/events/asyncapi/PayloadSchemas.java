package dev.toolverdicts.events.asyncapi;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON schema of an event body, read from its record's components the way {@code EventCodec} writes them: a
 * primitive component is always there (required), a reference component is left out while null (optional), enums
 * are their names, instants and dates ISO strings, nested records inline objects.
 */
final class PayloadSchemas {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private PayloadSchemas() {
    }

    static ObjectNode of(Class<?> record) {
        if (!record.isRecord()) {
            throw new IllegalArgumentException(record + " is not a record");
        }
        ObjectNode schema = JSON.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = JSON.arrayNode();
        for (RecordComponent component : record.getRecordComponents()) {
            properties.set(component.getName(), ofType(component.getGenericType()));
            if (component.getType().isPrimitive()) {
                required.add(component.getName());
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        return schema;
    }

    private static ObjectNode ofType(Type type) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == List.class) {
            ObjectNode array = JSON.objectNode().put("type", "array");
            array.set("items", ofType(parameterized.getActualTypeArguments()[0]));
            return array;
        }
        Class<?> raw = (Class<?>) type;
        if (raw == String.class) {
            return JSON.objectNode().put("type", "string");
        }
        if (raw == UUID.class) {
            return JSON.objectNode().put("type", "string").put("format", "uuid");
        }
        if (raw == Instant.class) {
            return JSON.objectNode().put("type", "string").put("format", "date-time");
        }
        if (raw == LocalDate.class) {
            return JSON.objectNode().put("type", "string").put("format", "date");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return JSON.objectNode().put("type", "boolean");
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            return JSON.objectNode().put("type", "integer");
        }
        if (raw == double.class || raw == Double.class || raw == BigDecimal.class) {
            return JSON.objectNode().put("type", "number");
        }
        if (raw.isEnum()) {
            ObjectNode schema = JSON.objectNode().put("type", "string");
            ArrayNode values = schema.putArray("enum");
            Arrays.stream(raw.getEnumConstants()).map(value -> ((Enum<?>) value).name()).forEach(values::add);
            return schema;
        }
        if (raw.isRecord()) {
            return of(raw);
        }
        throw new IllegalArgumentException("no JSON schema for " + type);
    }
}
