package io.paperboy.user;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;

/**
 * {@code GET /avatars/{name}.svg}: the generated avatar of a user name. It depends on the name
 * only, so browsers and proxies may keep it for a day; unknown names get one too, which tells
 * nobody whether a member exists.
 */
public final class AvatarPages {
    static final int MAX_NAME_LENGTH = 64;

    public void showAvatar(Context ctx) {
        String file = ctx.pathParam("file");
        if (!file.endsWith(".svg") || file.length() == ".svg".length() || file.length() > MAX_NAME_LENGTH + 4) {
            throw new BadRequestResponse("avatar path must be /avatars/NAME.svg with a name of 1 to " + MAX_NAME_LENGTH
                    + " characters; got " + file);
        }
        ctx.header("Cache-Control", "public, max-age=86400");
        ctx.contentType("image/svg+xml").result(Avatars.svg(file.substring(0, file.length() - 4)));
    }
}
