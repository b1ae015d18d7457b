package nl.casustafel.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A large region's configuration loads: the demo loader read a 4.5 MB pupil file of 20,000 pupils no more (issue 14). */
class ConfigFilesTest {

    @Test
    void aPupilFileOfTwentyThousandPupilsIsReadWhole(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("demo"));
        int pupils = 20_000;
        try (Writer out = Files.newBufferedWriter(dir.resolve("demo/pupils.yaml"), StandardCharsets.UTF_8)) {
            out.write("pupils:\n");
            for (int i = 0; i < pupils; i++) {
                out.write("  - {givenName: Leerling, familyName: Groot-" + i + ", birthDate: 2012-01-01, school: 02CD,"
                        + " street: Lange Dijkstraat " + i + ", postalCode: 9999 AA, residence: GM0001, schoolYear: 2}\n");
            }
        }
        long size = Files.size(dir.resolve("demo/pupils.yaml"));
        org.junit.jupiter.api.Assertions.assertTrue(size > 3 * 1024 * 1024, "the file is over SnakeYAML's default 3 MB limit: " + size);

        YamlNode root = new ConfigFiles(dir.toString()).yaml("demo/pupils.yaml");

        assertEquals(pupils, root.list("pupils").size());
    }
}
