package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * MEM-01, precision set 17's classes BZ and GA: {@code uintptr} given only an integer (a file descriptor handed to
 * os.NewFile, a Windows handle to a syscall, systemd's inherited descriptor numbers, an ioctl request constant)
 * converts no pointer. Still reported: a pointer passed through unsafe.Pointer into a uintptr, a forged slice
 * header's Data, unsafe.Slice, pointer arithmetic and a view through a huge array pointer.
 */
class GoIntegerUintptrTest {

    @Test
    void uintptr_of_an_integer_is_no_unsafe_conversion() {
        ClassDiffs25.check("mem-uintptr", Set.of("MEM-01"));
    }
}
