package io.paperboy.web;

import gg.jte.Content;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.Map;

/** Renders the precompiled jte templates (compiled at build time, so pages never compile at run time). */
public final class Templates {
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

    private Templates() {}

    public static String render(String template, Map<String, Object> params) {
        StringOutput out = new StringOutput(8192);
        ENGINE.render(template, params, out);
        return out.toString();
    }

    /** {@code template} rendered with one parameter named {@code model}, to place inside another template. */
    public static Content content(String template, Object model) {
        return output -> ENGINE.render(template, Map.of("model", model), output);
    }

    /** {@code template} rendered with named {@code params}, to place inside another template. */
    public static Content fragment(String template, Map<String, Object> params) {
        return output -> ENGINE.render(template, params, output);
    }

    /** Renders {@code template} with one parameter named {@code model} as the HTML response. */
    public static void page(Context ctx, String template, Object model) {
        ctx.contentType("text/html; charset=utf-8").result(render(template, Map.of("model", model)));
    }
}
