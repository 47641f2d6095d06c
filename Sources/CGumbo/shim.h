#ifndef NEARDUP_CGUMBO_SHIM_H
#define NEARDUP_CGUMBO_SHIM_H
// gumbo-parser, Google's HTML5 parser (Debian's libgumbo-dev, pkg-config `gumbo`; Homebrew's
// gumbo-parser). The wrappers below keep the default options and the node union on this side:
// Sources/NearDup/Web/HTMLParser.swift is the only Swift file that calls them.
#include <string.h>
#include <gumbo.h>

static inline GumboOutput *neardup_gumbo_parse(const char *bytes, size_t count) {
    return gumbo_parse_with_options(&kGumboDefaultOptions, bytes, count);
}

static inline void neardup_gumbo_destroy(GumboOutput *output) {
    gumbo_destroy_output(&kGumboDefaultOptions, output);
}

static inline const GumboVector *neardup_gumbo_children(const GumboNode *node) {
    switch (node->type) {
    case GUMBO_NODE_DOCUMENT: return &node->v.document.children;
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE: return &node->v.element.children;
    default: return NULL;
    }
}

static inline const GumboNode *neardup_gumbo_child(const GumboVector *children, unsigned index) {
    return (const GumboNode *)children->data[index];
}

/// The element's tag name, lower case; for a tag gumbo does not know, its name as written.
static inline const char *neardup_gumbo_tag_name(const GumboNode *node, size_t *length) {
    if (node->v.element.tag != GUMBO_TAG_UNKNOWN) {
        const char *name = gumbo_normalized_tagname(node->v.element.tag);
        *length = strlen(name);
        return name;
    }
    GumboStringPiece piece = node->v.element.original_tag;
    gumbo_tag_from_original_text(&piece);
    *length = piece.length;
    return piece.data;
}

static inline unsigned neardup_gumbo_attribute_count(const GumboNode *node) {
    return node->v.element.attributes.length;
}

static inline const GumboAttribute *neardup_gumbo_attribute(const GumboNode *node, unsigned index) {
    return (const GumboAttribute *)node->v.element.attributes.data[index];
}

static inline const char *neardup_gumbo_text(const GumboNode *node) {
    return node->v.text.text;
}
#endif
