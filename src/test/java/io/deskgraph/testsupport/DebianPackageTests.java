package io.deskgraph.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests how {@link DebianPackage} finds executables and installs packages.
 *
 * @author DeskGraph
 */
class DebianPackageTests {

	@Test
	void locateTakesThePathFirstThenDebiansPlace(@TempDir Path directory) throws IOException {
		Path onPath = Files.createFile(directory.resolve("redis-server"),
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
		assertThat(DebianPackage.locate("redis-server", "/nonexistent:" + directory)).contains(onPath);
		Path debianPlace = Path.of("/usr/bin/redis-server");
		Optional<Path> debian = Files.isExecutable(debianPlace) ? Optional.of(debianPlace) : Optional.empty();
		assertThat(DebianPackage.locate("redis-server", "/nonexistent")).isEqualTo(debian);
		assertThat(DebianPackage.locate("redis-server", null)).isEqualTo(debian);
	}

	@Test
	void aptRunsDirectlyAsRootAndThroughSudoOtherwise() {
		assertThat(DebianPackage.aptCommand(true, "install", "-y", "-qq", "redis-server")).containsExactly("env",
				"DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-qq", "redis-server");
		assertThat(DebianPackage.aptCommand(false, "update", "-qq")).containsExactly("sudo", "-n", "env",
				"DEBIAN_FRONTEND=noninteractive", "apt-get", "update", "-qq");
	}

}
