ul="Passengers of De Lijn, a public transport company: a public service, yet they buy tickets; flag or commercial both defensible."
D("https://www.vrt.be/vrtnws/nl/2020/10/08/morgen-minder-bussen-en-trams-door-een-vakbondsactie-bij-de-lijn/","news",
"De meeste Lijnwinkels blijven dicht, maar – en dat is onder voorbehoud – de winkels in onder meer Ieper, Turnhout, Sint-Truiden, Tervuren, Ieper, Kortrijk en Oostende zouden wel klanten kunnen ontvangen.",
 U(ul))
D("https://www.hln.be/in-de-buurt/meise/busje-komt-nooit-pendelaars-in-rand-rond-brussel-blijven-in-de-kou-staan~a528e110/","news",
"Het regent klachten over bussen die niet komen opdraven, te laat zijn, vol zitten en doorrijden. De maat is vol, klinkt het bij klanten van De Lijn. “Wanneer gaan ze daar eindelijk wat aan doen?”",
 U(ul))
D("https://www.hln.be/nieuws/sp-a-fors-minder-belbusreizigers-door-klantonvriendelijke-routeplanner~ae519d5a/","news",
"Het aantal belbusreizigers is in Antwerpen, Oost-Vlaanderen en Limburg is in de eerste helft van dit jaar met 18 tot 30% gedaald. En dat is volgens sp.a-fractieleider Joris Vandenbroucke de schuld van de nieuwe routeplanner van De Lijn. \"Die zoekt een klantonvriendealternatief voor de belbus, vaak één waardoor je véél langer onderweg bent.\"",
 U("Garbled compound (klantonvriendelijk alternatief) about a public transport planner; public service with paying passengers.","klantgericht"))
D("https://www.hln.be/nieuws/sp-a-fors-minder-belbusreizigers-door-klantonvriendelijke-routeplanner~ae519d5a/","news",
"Sp.a: \"Fors minder belbusreizigers door klantonvriendelijke routeplanner\"",
 U("Unfriendly to passengers of a public transport company; public service with paying passengers.","klantgericht"))
