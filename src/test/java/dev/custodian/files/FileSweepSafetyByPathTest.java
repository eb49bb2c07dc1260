package dev.custodian.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.cleanup.control.TargetReport;
import java.nio.file.Path;

/** The same cases through the walk by path ({@code Files.walkFileTree}), for file systems without secure directory streams. */
class FileSweepSafetyByPathTest extends FileSweepSafetyTest {

    @Override
    TestTree treeAt(Path root) {
        return TestTree.byPath(root);
    }

    /** The walk by path finds the link where the directory was: it refuses the deletion, and the file stays. */
    @Override
    void assertDeletedInTheDirectoryTheWalkRead(TargetReport report, String movedFile) {
        assertThat(report.deleted()).isZero();
        assertThat(report.errors()).isEqualTo(1);
        assertThat(tree.exists(movedFile)).isTrue();
    }
}
