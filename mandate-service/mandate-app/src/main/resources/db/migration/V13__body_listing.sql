-- Bodies are listed by name, page by page, and by parent (a body's children, the top of the tree).
CREATE INDEX body_view_name ON body_view (name, body_id);
CREATE INDEX body_view_parent ON body_view (parent_body_id);
