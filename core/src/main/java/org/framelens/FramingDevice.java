package org.framelens;

import java.util.Arrays;
import java.util.Locale;

/**
 * The eight framing-device families of the FrameLens annotation scheme, each grouping persuasion techniques of
 * SemEval-2020 Task 11 and SemEval-2023 Task 3 (see {@code training-data/GUIDELINES.md}).
 */
public enum FramingDevice {
    /** Loaded or emotive wording (SemEval: Loaded_Language). */
    LOADED_WORDING("loaded_wording"),
    /** Name-calling and labelling (Name_Calling,Labeling). */
    NAME_CALLING("name_calling"),
    /** Exaggeration and minimisation (Exaggeration,Minimisation). */
    EXAGGERATION("exaggeration"),
    /** Appeal to fear or threat (Appeal_to_fear-prejudice). */
    FEAR("fear"),
    /** Doubt and delegitimisation: scare quotes, "so-called", slanted attribution verbs (Doubt). */
    DOUBT("doubt"),
    /** Flag-waving and us-versus-them (Flag-Waving). */
    FLAG_WAVING("flag_waving"),
    /** Causal oversimplification and black-and-white framing. */
    OVERSIMPLIFICATION("oversimplification"),
    /** Imputed motive and presupposition. */
    IMPUTED_MOTIVE("imputed_motive");

    private final String code;

    FramingDevice(String code) {
        this.code = code;
    }

    /** The lower-case code used in corpora, bundles and JSON output. */
    public String code() {
        return code;
    }

    /**
     * Parses a device code such as {@code "name_calling"} (case-insensitive; hyphens and spaces accepted).
     *
     * @throws IllegalArgumentException if the code names no device
     */
    public static FramingDevice fromCode(String code) {
        String norm = code.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (FramingDevice d : values()) {
            if (d.code.equals(norm)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown framing device '" + code + "'; expected one of "
                + Arrays.stream(values()).map(FramingDevice::code).toList());
    }
}
