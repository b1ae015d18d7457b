package nl.casustafel.platform;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * A node of a configuration file that knows where it stands, so that a wrong or missing value is
 * reported with the file, the line and the field ({@code config/covenants/x.yaml:12: field 'code' ...}).
 */
public final class YamlNode {

    private final String file;
    private final String path;
    private final Node node;

    YamlNode(String file, String path, Node node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    public String path() {
        return path;
    }

    public int line() {
        return node.getStartMark().getLine() + 1;
    }

    public boolean has(String field) {
        return child(field).isPresent();
    }

    public YamlNode node(String field) {
        return child(field).orElseThrow(() -> new ConfigException(
                file + ":" + line() + ": field '" + (path.isEmpty() ? field : path + "." + field) + "' is missing"));
    }

    public String text(String field) {
        return node(field).scalar();
    }

    public Optional<String> optionalText(String field) {
        return child(field).map(YamlNode::scalar);
    }

    public int integer(String field) {
        YamlNode value = node(field);
        try {
            return Integer.parseInt(value.scalar());
        } catch (NumberFormatException e) {
            throw value.error("is not a whole number: '" + value.scalar() + "'");
        }
    }

    public LocalDate date(String field) {
        YamlNode value = node(field);
        try {
            return LocalDate.parse(value.scalar());
        } catch (DateTimeParseException e) {
            throw value.error("is not a date (yyyy-mm-dd): '" + value.scalar() + "'");
        }
    }

    public boolean bool(String field) {
        YamlNode value = node(field);
        return switch (value.scalar()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw value.error("is not true or false: '" + value.scalar() + "'");
        };
    }

    /** A field's value as one of the constants of {@code type}. */
    public <E extends Enum<E>> E enumeration(String field, Class<E> type) {
        return node(field).asEnum(type);
    }

    public <E extends Enum<E>> E asEnum(Class<E> type) {
        String value = scalar();
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw error("'" + value + "' is not one of " + List.of(type.getEnumConstants()));
        }
    }

    /** The items of a list field; an absent field is an empty list. */
    public List<YamlNode> list(String field) {
        return child(field).map(YamlNode::items).orElse(List.of());
    }

    /** The items of this node, which must be a list. */
    public List<YamlNode> items() {
        if (!(node instanceof SequenceNode sequence)) {
            throw error("must be a list");
        }
        List<Node> items = sequence.getValue();
        return java.util.stream.IntStream.range(0, items.size())
                .mapToObj(i -> new YamlNode(file, path + "[" + i + "]", items.get(i)))
                .toList();
    }

    public boolean isList() {
        return node instanceof SequenceNode;
    }

    /** A mapping key of this node's parent, read as one of the constants of {@code type}. */
    public <E extends Enum<E>> E asEnumKey(String key, Class<E> type) {
        try {
            return Enum.valueOf(type, key);
        } catch (IllegalArgumentException e) {
            throw error("has key '" + key + "', which is not one of " + List.of(type.getEnumConstants()));
        }
    }

    public List<String> texts(String field) {
        return list(field).stream().map(YamlNode::scalar).toList();
    }

    /** The keys and values of a mapping field, in file order. */
    public List<java.util.Map.Entry<String, YamlNode>> entries() {
        return mapping().getValue().stream()
                .map(t -> java.util.Map.entry(key(t), new YamlNode(file, path + "." + key(t), t.getValueNode())))
                .toList();
    }

    public String scalar() {
        if (!(node instanceof ScalarNode scalar)) {
            throw error("must be a single value");
        }
        return scalar.getValue();
    }

    public ConfigException error(String message) {
        return new ConfigException(file + ":" + line() + ": field '" + path + "' " + message);
    }

    private Optional<YamlNode> child(String field) {
        for (NodeTuple tuple : mapping().getValue()) {
            if (field.equals(key(tuple))) {
                return Optional.of(new YamlNode(file, path.isEmpty() ? field : path + "." + field, tuple.getValueNode()));
            }
        }
        return Optional.empty();
    }

    private MappingNode mapping() {
        if (!(node instanceof MappingNode mapping)) {
            throw error("must be a mapping of fields");
        }
        return mapping;
    }

    private static String key(NodeTuple tuple) {
        return ((ScalarNode) tuple.getKeyNode()).getValue();
    }
}
