"""Calendar invitations by e-mail (iTIP, RFC 5546): messages, answer links, who gets them."""
