package kb.review.engine;

import static kb.review.engine.LifecycleRulesTest.newFile;
import static kb.review.engine.Round5ClassesTest.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A class of code the round-11 held-out corpus showed the review missing: serializers told to build any class the
 * bytes name (DEP-02) — Jackson default typing with a permissive validator, Kryo and Fory with registration off —
 * against a validator limited to the project's packages, registration on, or a write-only serializer. Split from
 * {@link Round11ClassesTest}; the fixtures are written for these tests, not taken from the corpus. Findings are
 * compared as "line:item".
 */
class Round11SerializerClassesTest {

    // --- class 4: serializers that build whatever class the bytes name (DEP-02) ---

    @Test
    void jackson_default_typing_with_a_laissez_faire_validator_and_kryo_without_registration_are_reported() {
        String jackson = newFile("src/main/java/a/Events.java", """
                package a;

                import com.fasterxml.jackson.databind.ObjectMapper;
                import com.fasterxml.jackson.databind.jsontype.impl.LaissezFaireSubTypeValidator;

                class Events {
                    private final ObjectMapper json = new ObjectMapper();

                    Events() {
                        json.activateDefaultTypingAsProperty(LaissezFaireSubTypeValidator.instance,
                                ObjectMapper.DefaultTyping.NON_FINAL, "@type");
                    }

                    Object read(byte[] body) throws java.io.IOException {
                        return json.readValue(body, Object.class);
                    }
                }
                """);
        String kryo = newFile("src/main/java/a/Frames.java", """
                package a;

                import com.esotericsoftware.kryo.Kryo;
                import com.esotericsoftware.kryo.io.Input;

                class Frames {
                    private final Kryo kryo = new Kryo();

                    Frames() {
                        kryo.setRegistrationRequired(false);
                    }

                    Object decode(byte[] wire) {
                        return kryo.readClassAndObject(new Input(wire));
                    }
                }
                """);
        assertEquals(List.of("10:DEP-02", "10:DEP-02"), items(jackson + kryo));
    }

    @Test
    void a_validator_limited_to_own_packages_kryo_with_registration_and_a_write_only_kryo_are_clean() {
        String jackson = newFile("src/main/java/a/Events2.java", """
                package a;

                import com.fasterxml.jackson.databind.ObjectMapper;
                import com.fasterxml.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

                class Events2 {
                    private final ObjectMapper json = new ObjectMapper();

                    Events2() {
                        json.activateDefaultTyping(BasicPolymorphicTypeValidator.builder()
                                .allowIfSubType("com.example.events.").build(), ObjectMapper.DefaultTyping.NON_FINAL);
                    }
                }
                """);
        String registered = newFile("src/main/java/a/Frames2.java", """
                package a;

                import com.esotericsoftware.kryo.Kryo;
                import com.esotericsoftware.kryo.io.Input;

                class Frames2 {
                    private final Kryo kryo = new Kryo();

                    Frames2() {
                        kryo.setRegistrationRequired(true);
                        kryo.register(Frame.class);
                    }

                    Frame decode(byte[] wire) {
                        return kryo.readObject(new Input(wire), Frame.class);
                    }
                }
                """);
        String writer = newFile("src/main/java/a/Dump.java", """
                package a;

                import com.esotericsoftware.kryo.Kryo;
                import com.esotericsoftware.kryo.io.Output;

                class Dump {
                    byte[] write(Object snapshot) {
                        Kryo kryo = new Kryo();
                        kryo.setRegistrationRequired(false);
                        try (Output out = new Output(4096, -1)) {
                            kryo.writeClassAndObject(out, snapshot);
                            return out.toBytes();
                        }
                    }
                }
                """);
        assertEquals(List.of(), items(jackson + registered + writer));
    }
}
