print("kraftctl")
