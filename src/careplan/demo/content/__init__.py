"""The words the demo is made of: names, places, the catalogue and what people say. All invented."""
