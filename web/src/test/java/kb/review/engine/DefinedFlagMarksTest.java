package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Set 23's DO (cosign's option structs, glow's root command): a dropped error of a call on a command-line flag whose
 * one failure is "no such flag" — pflag's {@code MarkFlagFilename(name, exts...)} with extensions after the name, a
 * mark after a definition broken over lines, and viper's {@code BindPFlag(key, flags.Lookup(name))}, which fails only
 * when the looked-up flag is nil. A flag the file never defines stays reported: a renamed or missing flag is the bug
 * the error exists for.
 */
class DefinedFlagMarksTest {

    private static List<String> found(String path, String code) {
        return TestRules.reviewDiff(PrecisionSet12ErrClassesTest.newFile(path, code)).active().stream()
                .filter(f -> f.item().equals("ERR-01")).map(f -> f.path() + ":" + f.line()).sorted().toList();
    }

    @Test
    void marks_with_arguments_after_the_name_and_definitions_over_lines_are_settled_an_undefined_flag_is_not() {
        String code = """
                package options

                import "github.com/spf13/cobra"

                type VerifyOptions struct {
                \tRoot    string
                \tChain   string
                \tWorkers int
                }

                func (o *VerifyOptions) AddFlags(cmd *cobra.Command) {
                \tcmd.Flags().StringVar(&o.Root, "trusted-root", "", "path to a trusted root file")
                \t_ = cmd.MarkFlagFilename("trusted-root", "json")
                \tcmd.Flags().StringVar(&o.Chain,
                \t\t"certificate-chain", "",
                \t\t"path to a PEM chain")
                \t_ = cmd.MarkFlagFilename("certificate-chain", "pem", "crt")
                \t_ = cmd.MarkFlagFilename("key-file", "pem")
                }
                """;
        assertEquals(List.of("options/verify.go:18"), found("options/verify.go", code));
    }

    @Test
    void binding_a_looked_up_flag_the_file_defines_is_settled_binding_an_undefined_one_is_not() {
        String code = """
                package main

                import (
                \t"github.com/spf13/cobra"
                \t"github.com/spf13/viper"
                )

                var width uint

                func bindFlags(root *cobra.Command) {
                \troot.Flags().UintVarP(&width, "width", "w", 0, "wrap at this width")
                \t_ = viper.BindPFlag("width", root.Flags().Lookup("width"))
                \t_ = viper.BindPFlag("debug", root.Flags().Lookup("debug"))
                }
                """;
        assertEquals(List.of("main.go:13"), found("main.go", code));
    }
}
