package dev.custodian.files;

import java.nio.file.Path;

/** The same cases through the walk by path ({@code Files.walkFileTree}), for file systems without secure directory streams. */
class FileSweepRulesByPathTest extends FileSweepRulesTest {

    @Override
    TestTree treeAt(Path root) {
        return TestTree.byPath(root);
    }
}
