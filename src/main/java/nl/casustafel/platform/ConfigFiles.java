package nl.casustafel.platform;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Node;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the files under {@code config/}: from the directory named by {@code casustafel.config-dir}
 * when it holds the file (another region's covenant without a rebuild), else from the copy packaged
 * in the jar.
 */
@Singleton
public class ConfigFiles {

    /**
     * SnakeYAML stops at 3 MB by default; a region's pupil file of 20,000 pupils is 4.5 MB. The files are the
     * operator's own configuration, not user input, so a larger bound is safe; it still stops a runaway file.
     */
    static final int MAX_YAML_CODE_POINTS = 256 * 1024 * 1024;

    private final Path directory;

    public ConfigFiles(@Value("${casustafel.config-dir:config}") String directory) {
        this.directory = Path.of(directory);
    }

    public YamlNode yaml(String relativePath) {
        String name = "config/" + relativePath;
        try (Reader reader = open(relativePath)) {
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(MAX_YAML_CODE_POINTS);
            Node root = new Yaml(options).compose(reader);
            if (root == null) {
                throw new ConfigException(name + ": the file is empty");
            }
            return new YamlNode(name, "", root);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + name, e);
        } catch (org.yaml.snakeyaml.error.MarkedYAMLException e) {
            throw new ConfigException(name + ":" + (e.getProblemMark().getLine() + 1) + ": " + e.getProblem());
        }
    }

    /** A config file (e.g. a CSV of the demo region) to read as a stream of text; the caller closes it. */
    public Reader reader(String relativePath) {
        try {
            return open(relativePath);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read config/" + relativePath, e);
        }
    }

    private Reader open(String relativePath) throws IOException {
        Path file = directory.resolve(relativePath);
        if (Files.isRegularFile(file)) {
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        }
        InputStream packaged = ConfigFiles.class.getClassLoader().getResourceAsStream("config/" + relativePath);
        if (packaged == null) {
            throw new ConfigException("config/" + relativePath + ": the file does not exist");
        }
        return new InputStreamReader(packaged, StandardCharsets.UTF_8);
    }
}
