package io.injectordoctor.decision.cel;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelFunctionBinding;
import java.util.ArrayList;
import java.util.List;

/**
 * k8s.io/apiserver pkg/cel/library/regex.go: {@code find} and {@code findAll} with Go's RE2
 * syntax (RE2/J here), the leftmost match, and Go's {@code FindAllString} rule that an empty match
 * right after the previous match does not count.
 */
final class RegexLibrary implements Library {
    @Override
    public int since() {
        return 0;
    }

    @Override
    public List<CelFunctionDecl> declarations() {
        return List.of(
                CelFunctionDecl.newFunctionDeclaration("find",
                        CelOverloadDecl.newMemberOverload("string_find_string", SimpleType.STRING, SimpleType.STRING,
                                SimpleType.STRING)),
                CelFunctionDecl.newFunctionDeclaration("findAll",
                        CelOverloadDecl.newMemberOverload("string_find_all_string", ListType.create(SimpleType.STRING),
                                SimpleType.STRING, SimpleType.STRING),
                        CelOverloadDecl.newMemberOverload("string_find_all_string_int", ListType.create(SimpleType.STRING),
                                SimpleType.STRING, SimpleType.STRING, SimpleType.INT)));
    }

    @Override
    public List<CelFunctionBinding> bindings() {
        return List.of(
                CelFunctionBinding.from("string_find_string", String.class, String.class, RegexLibrary::find),
                CelFunctionBinding.from("string_find_all_string", String.class, String.class, (s, re) -> findAll(s, re, -1)),
                CelFunctionBinding.from("string_find_all_string_int", List.of(String.class, String.class, Long.class),
                        args -> findAll((String) args[0], (String) args[1], (Long) args[2])));
    }

    static String find(String s, String regex) {
        Matcher m = compile(regex).matcher(s);
        return m.find() ? m.group() : "";
    }

    static List<String> findAll(String s, String regex, long n) {
        List<String> out = new ArrayList<>();
        if (n == 0) {
            return out;
        }
        Matcher m = compile(regex).matcher(s);
        int prevEnd = -1;
        while ((n < 0 || out.size() < n) && m.find()) {
            if (m.start() == m.end() && m.start() == prevEnd) {
                continue;
            }
            out.add(m.group());
            prevEnd = m.end();
        }
        return out;
    }

    private static Pattern compile(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new LibraryError("Illegal regex: " + e.getMessage());
        }
    }
}
