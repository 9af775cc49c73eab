package kb.sandbox.compiler;

import java.util.List;
import kb.sandbox.child.BytecodePolicy;

/** The execution control's side that the {@link SnippetRunner} asks after each eval. */
interface Gate {

    /** The allowlist violations recorded since the last call, in the order found. */
    List<BytecodePolicy.Violation> takeDenials();
}
